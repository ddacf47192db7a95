import type { Announcement } from '../messages';
import { t } from '../ui/i18n';

// The words Hashiya tells a screen reader of its own accord on a page with names of the story
// (content/announcer.ts says them). They are put together here, in the background, which has the
// interface's messages at hand: in a page, the first call into the browser's i18n made its
// bindings in the content script's world, 4-5 ms of every page with names (a profile of five loads
// of cnn-arabic-syria in Chromium), and a number's first toLocaleString loaded Intl's data there.

/** What to announce of `count` names, with `shortcut` (the next-mention command's keys, '' when it has none). */
export function announcementFor(count: number, shortcut: string): Announcement {
  const number = groupDigits(count);
  return {
    text: [t('announceNames', number), shortcut ? t('announceNext', shortcut) : ''].filter(Boolean).join(' '),
    lang: t('lang'),
    dir: t('dir') === 'rtl' ? 'rtl' : 'ltr',
  };
}

/**
 * `count` as both browsers' `toLocaleString` writes it in Hashiya's languages, English and Arabic
 * alike (CLDR's Arabic has Latin digits): `1,234`, the same in every browser and locale data.
 */
export function groupDigits(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+$)/g, ',');
}
