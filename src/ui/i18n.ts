import { ext } from '../ext';

// Every string of the interface comes from _locales. The direction comes from a message of our
// own ("dir"): Chromium started with --lang=ar serves the Arabic messages yet still answers
// `ltr` for @@bidi_dir, so that predefined message cannot be trusted.

/** The interface string `key` in the browser's language (the key itself if it is missing). */
export function t(key: string, substitutions?: string | string[]): string {
  return ext.i18n.getMessage(key, substitutions) || key;
}

/** Sets lang and dir on the document of an extension page from the locale in use. */
export function localiseDocument(doc: Document): void {
  const dir = t('dir') === 'rtl' ? 'rtl' : 'ltr';
  doc.documentElement.lang = t('lang');
  doc.documentElement.dir = dir;
}
