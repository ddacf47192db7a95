// Keyboard focus in the card: Tab stays inside it, and moving between entities (a related one,
// Back) puts focus where the reader goes on from.

/**
 * Keeps Tab and Shift+Tab inside the open card (non-modal: the pointer and Escape still leave
 * it). `root` is the shadow root the card is in.
 */
export function keepTabInside(card: HTMLElement, root: ShadowRoot): void {
  card.addEventListener('keydown', (event) => {
    if (!event.isTrusted || event.key !== 'Tab') return;
    const items = [...card.querySelectorAll<HTMLElement>('button')];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = root.activeElement;
    if (event.shiftKey && (active === first || active === card)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  });
}

/** After following a related entity: focus on Back, the way to where the reader came from. */
export function focusBack(card: HTMLElement): void {
  card.querySelector<HTMLElement>('[data-action="back"]')?.focus();
}

/** After Back: focus on the related entity the reader had followed, `from`. */
export function focusRelated(card: HTMLElement, from: string): void {
  card.querySelector<HTMLElement>(`[data-related="${CSS.escape(from)}"]`)?.focus();
}
