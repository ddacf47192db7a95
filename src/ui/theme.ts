import type { Theme } from '../settings/settings';

/** Applies the reader's theme to an extension page: `auto` follows the system, else forced. */
export function applyTheme(doc: Document, theme: Theme): void {
  if (theme === 'auto') delete doc.documentElement.dataset.theme;
  else doc.documentElement.dataset.theme = theme;
}
