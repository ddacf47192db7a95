import { t } from '../ui/i18n';
import { randomLetters } from './random-name';

// What Hashiya tells a screen reader of its own accord: once per page, politely, how many names of
// the story it marked there and the shortcut that goes to them. A live region is how a page tells a
// screen reader anything; this one is in a closed shadow root on an element of a made-up name on
// <html> (as the card is: outside <body>, taking no room, unreadable by the page), and it is taken
// away once it has been read. It is made empty, and filled a moment later: a region that comes
// with its text already in it is not announced by every screen reader.

/** How long the region stays after it is filled: time enough for a screen reader to read it. */
const KEEP_MS = 10_000;
/** From the empty region to its text. */
const FILL_AFTER_MS = 500;

const STYLE = ':host{all:initial!important;position:fixed!important;top:0!important;left:0!important;width:1px!important;height:1px!important;overflow:hidden!important;clip-path:inset(50%)!important;white-space:nowrap!important;contain:strict!important}';

/** Announces `count` names, and `shortcut` (the next-mention command's keys, '' when it has none). */
export function announceNames(count: number, shortcut: string): void {
  const host = document.createElement(`${randomLetters(6)}-${randomLetters(6)}`);
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLE);
  root.adoptedStyleSheets = [sheet];
  const region = document.createElement('div');
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.lang = t('lang');
  region.dir = t('dir') === 'rtl' ? 'rtl' : 'ltr';
  root.append(region);
  document.documentElement.append(host);
  const number = groupDigits(count);
  setTimeout(() => {
    region.textContent = [t('announceNames', number), shortcut ? t('announceNext', shortcut) : ''].filter(Boolean).join(' ');
    setTimeout(() => host.remove(), KEEP_MS);
  }, FILL_AFTER_MS);
}

/**
 * `count` as both browsers' `toLocaleString` writes it in Hashiya's languages, English and Arabic
 * alike (CLDR's Arabic has Latin digits): `1,234`. Not Intl: its first use in the content script's
 * world loads the locale's data, 40-70 ms in one task in Chromium, on every page with names.
 */
export function groupDigits(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+$)/g, ',');
}
