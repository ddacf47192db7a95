// The hover card's behaviour as named states and the events that move between them. Pure: time is
// passed in and a state that waits carries its deadline, so the controller only sets one timer and
// tests run on fake time. Where the pointer is (mention, card, neither) is the controller's job;
// this module decides what that means.

/** The mention a card is anchored to: `key` tells one mention from another of the same entity. */
export interface CardTarget {
  readonly entity: string;
  readonly key: string;
}

export type CardState =
  /** Nothing shown, nothing waiting. */
  | { readonly name: 'idle' }
  /** The pointer rests on a mention; the card opens at `until` unless it moves off. */
  | { readonly name: 'pending'; readonly target: CardTarget; readonly until: number }
  /** Shown; the pointer is on the mention or in the card (or it was opened by click or key). */
  | { readonly name: 'open'; readonly target: CardTarget }
  /** Shown until closed: pointer moves and scrolling leave it alone. */
  | { readonly name: 'pinned'; readonly target: CardTarget }
  /** Shown; the pointer left mention and card; closes at `until` unless it comes back (the gap). */
  | { readonly name: 'closing'; readonly target: CardTarget; readonly until: number };

export type CardEvent =
  | { readonly type: 'enter-mention'; readonly target: CardTarget }
  | { readonly type: 'leave-mention' }
  | { readonly type: 'enter-card' }
  | { readonly type: 'leave-card' }
  /** A click, a tap or the keyboard shortcut on a mention: open at once. */
  | { readonly type: 'activate'; readonly target: CardTarget }
  | { readonly type: 'escape' }
  /** The pin button: pins an open card, unpins a pinned one. */
  | { readonly type: 'pin' }
  /** The close button, or a tap outside the card. */
  | { readonly type: 'close' }
  /** The page scrolled the mention far out of view. */
  | { readonly type: 'scroll-far' }
  /** The timer set for the state's deadline went off. */
  | { readonly type: 'timer' };

export interface CardTiming {
  /** How long the pointer rests on a mention before the card opens (settings.hoverDelay). */
  readonly hoverDelay: number;
  /** How long the card stays after the pointer left mention and card. */
  readonly closeGrace: number;
}

export const IDLE: CardState = { name: 'idle' };
export const CLOSE_GRACE_MS = 300;

const same = (a: CardTarget, b: CardTarget) => a.key === b.key && a.entity === b.entity;

/** The state after `event` at time `now`. */
export function nextState(state: CardState, event: CardEvent, now: number, timing: CardTiming): CardState {
  switch (event.type) {
    case 'escape':
    case 'close':
      return IDLE;
    case 'activate':
      return state.name === 'pinned' && same(state.target, event.target) ? state : { name: 'open', target: event.target };
    case 'pin':
      if (state.name === 'pinned') return { name: 'open', target: state.target };
      return state.name === 'open' || state.name === 'closing' ? { name: 'pinned', target: state.target } : state;
    case 'scroll-far':
      return state.name === 'pinned' ? state : IDLE;
    case 'timer':
      if (state.name === 'pending' && now >= state.until) return { name: 'open', target: state.target };
      if (state.name === 'closing' && now >= state.until) return IDLE;
      return state;
    case 'enter-mention':
      return enterMention(state, event.target, now, timing);
    case 'enter-card':
      return state.name === 'closing' ? { name: 'open', target: state.target } : state;
    case 'leave-mention':
    case 'leave-card':
      if (state.name === 'pending') return IDLE;
      if (state.name === 'open') return { name: 'closing', target: state.target, until: now + timing.closeGrace };
      return state;
  }
}

function enterMention(state: CardState, target: CardTarget, now: number, timing: CardTiming): CardState {
  switch (state.name) {
    case 'idle':
      return timing.hoverDelay <= 0 ? { name: 'open', target } : { name: 'pending', target, until: now + timing.hoverDelay };
    case 'pending':
      return same(state.target, target) ? state : { name: 'pending', target, until: now + timing.hoverDelay };
    case 'open':
    case 'closing':
      // A card already shown follows the pointer to another mention at once: no close, no delay.
      return { name: 'open', target };
    case 'pinned':
      return state;
  }
}

/** The mention whose card is shown in `state`, or null when none is. */
export function shownTarget(state: CardState): CardTarget | null {
  return state.name === 'open' || state.name === 'pinned' || state.name === 'closing' ? state.target : null;
}

/** When the controller must send `timer`, or null when the state waits for nothing. */
export function deadlineOf(state: CardState): number | null {
  return state.name === 'pending' || state.name === 'closing' ? state.until : null;
}
