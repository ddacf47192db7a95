import { CARD_HOST_TAG } from '../card/card-api';

// The card's one element on the page: <hashiya-card> (CARD_HOST_TAG), appended to <html> (outside
// <body>, so the page's layout and content never see it) once card.js has loaded for the first
// card asked for (the pointer's first name, or a click, tap, the shortcut or the popup), with a
// shadow root of its own and popover="manual", which puts it in the top layer above any z-index,
// overflow or transform of the page. It stays, hidden between cards, until the page is left. A
// host left by an older copy of the extension is replaced.

/** The card host and its shadow root, created on first call and reused after. */
export function cardHost(): { host: HTMLElement; root: ShadowRoot } {
  for (const stale of document.querySelectorAll(`:root > ${CARD_HOST_TAG}`)) if (!hosts.has(stale)) stale.remove();
  let found = current;
  if (!found || !found.host.isConnected) {
    const host = document.createElement(CARD_HOST_TAG);
    host.setAttribute('popover', 'manual');
    // Unknown custom elements may take a shadow root without being defined: content scripts
    // cannot define elements (Chromium gives them no customElements registry:
    // https://crbug.com/390807), and an undefined element is all the card needs.
    const root = host.attachShadow({ mode: 'open' });
    document.documentElement.append(host);
    hosts.add(host);
    found = { host, root };
    current = found;
  }
  return found;
}

let current: { host: HTMLElement; root: ShadowRoot } | null = null;
const hosts = new WeakSet<Element>();
