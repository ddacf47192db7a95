import type { HoverKey } from '../settings/settings';
import { atNextFrame } from './scheduler';

/**
 * Calls `onFrame(x, y, event)` at most once per frame with the pointer's latest position (and
 * the move that brought it there, whose modifier keys tell what is held), so hit testing is all
 * the work a pointer move causes; returns what removes the listener. Only the reader's own moves
 * count (`isTrusted`).
 */
export function trackPointer(onFrame: (x: number, y: number, event: PointerEvent) => void): () => void {
  let queued = false;
  let latest: PointerEvent | null = null;
  const onMove = (event: PointerEvent) => {
    if (!event.isTrusted) return; // a page script's pointermove moves nothing
    latest = event;
    if (queued) return;
    queued = true;
    atNextFrame(() => {
      queued = false;
      onFrame(latest!.clientX, latest!.clientY, latest!);
    });
  };
  window.addEventListener('pointermove', onMove, { passive: true });
  return () => window.removeEventListener('pointermove', onMove);
}

/** The key settings' names (hoverKey, clickModifier) as KeyboardEvent.key and getModifierState know them. */
export const KEY_NAMES = { shift: 'Shift', alt: 'Alt', ctrl: 'Control' } as const;

/** What a key or pointer event tells of the keys held. */
export type KeyNews = Pick<KeyboardEvent, 'type' | 'timeStamp' | 'getModifierState'> & { readonly key?: string };

/**
 * Whether the reader holds `key`, as the latest event that tells says: a press or release of the
 * key itself, or the modifier state every key and pointer event carries (a key pressed while
 * another frame had the focus still shows on the next pointer move here). The pointer's news
 * comes a frame late, so an event older than the last one heard is not news.
 */
export class HeldKey {
  #held = false;
  #at = -Infinity;

  get held(): boolean {
    return this.#held;
  }

  /** Takes what `event` tells of `key`; answers whether the key is held now. */
  note(event: KeyNews, key: HoverKey): boolean {
    if (event.timeStamp < this.#at) return this.#held;
    this.#at = event.timeStamp;
    const name = KEY_NAMES[key];
    // The key's own press or release says so by its type, whatever the modifier state it carries.
    this.#held = event.key === name ? event.type === 'keydown' : event.getModifierState(name);
    return this.#held;
  }

  /** The window lost the focus at `timeStamp`: the key's release will go elsewhere. */
  release(timeStamp: number): void {
    this.#held = false;
    this.#at = Math.max(this.#at, timeStamp);
  }
}
