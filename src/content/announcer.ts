import type { Announcement } from '../messages';
import { randomLetters } from './random-name';
import { later } from './scheduler';

// What Hashiya tells a screen reader of its own accord: once per page, politely, how many names of
// the story it marked there and the shortcut that goes to them. A live region is how a page tells a
// screen reader anything; this one is in a closed shadow root on an element of a made-up name on
// <html> (as the card is: outside <body>, taking no room, unreadable by the page), and it is taken
// away once it has been read. It is made empty, and filled a moment later: a region that comes
// with its text already in it is not announced by every screen reader. Its words come from the
// background (background/announcement.ts).

/** How long the region stays after it is filled: time enough for a screen reader to read it. */
const KEEP_MS = 10_000;
/** From the empty region to its text. */
const FILL_AFTER_MS = 500;

const STYLE = ':host{all:initial!important;position:fixed!important;top:0!important;left:0!important;width:1px!important;height:1px!important;overflow:hidden!important;clip-path:inset(50%)!important;white-space:nowrap!important;contain:strict!important}';

/** Says `announcement` (its text, in its language and direction). */
export function announce(announcement: Announcement): void {
  if (window.closed) return; // its tab closed while the words were asked for
  const host = document.createElement(`${randomLetters(6)}-${randomLetters(6)}`);
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLE);
  root.adoptedStyleSheets = [sheet];
  const region = document.createElement('div');
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.lang = announcement.lang;
  region.dir = announcement.dir;
  root.append(region);
  document.documentElement.append(host);
  later(() => {
    region.textContent = announcement.text;
    later(() => host.remove(), KEEP_MS);
  }, FILL_AFTER_MS);
}
