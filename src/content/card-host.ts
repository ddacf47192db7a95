// The card's one element on the page, appended to <html> (outside <body>, so the page's layout and
// content never see it) once card.js has loaded for the first card asked for (the pointer's first
// name, or a click, tap, the shortcut or the popup). Its shadow root is closed, so the page cannot
// read the card; its name is made up afresh on every page, so no page can look for it by name.
// popover="manual" puts it in the top layer above any z-index, overflow or transform of the page.
// It stays, hidden between cards, until the page is left; a page that removes it or its popover
// attribute gets a new one with the next card (see `isIntact`).

import { randomLetters } from './random-name';

export interface CardHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
}

/** A new card host on <html>, with a closed shadow root. */
export function createCardHost(): CardHost {
  const host = document.createElement(randomElementName());
  host.setAttribute('popover', 'manual');
  // Unknown custom elements may take a shadow root without being defined: content scripts
  // cannot define elements (Chromium gives them no customElements registry:
  // https://crbug.com/390807), and an undefined element is all the card needs.
  const root = host.attachShadow({ mode: 'closed' });
  document.documentElement.append(host);
  return { host, root };
}

/** Whether the card host is still where it was put, as it was put: on <html>, a manual popover. */
export function isIntact({ host }: CardHost): boolean {
  return host.parentNode === document.documentElement && host.getAttribute('popover') === 'manual';
}

/** A valid custom element name no page can know beforehand: `xkqfmz-bvtrlw`, about 56 bits of chance. */
function randomElementName(): string {
  return `${randomLetters(6)}-${randomLetters(6)}`;
}
