import { describe, expect, it } from 'vitest';
import { IDLE, deadlineOf, nextState, shownTarget, type CardEvent, type CardState, type CardTarget } from './card-state';

const timing = { hoverDelay: 300, closeGrace: 300 };
const putin: CardTarget = { entity: 'vladimir-putin', key: 'a' };
const putinAgain: CardTarget = { entity: 'vladimir-putin', key: 'b' };
const sharaa: CardTarget = { entity: 'ahmad-al-sharaa', key: 'c' };

/** Runs timed events from `start`; returns every state passed through. */
function run(events: readonly [number, CardEvent][], start: CardState = IDLE): CardState[] {
  const states: CardState[] = [];
  let state = start;
  for (const [now, event] of events) {
    state = nextState(state, event, now, timing);
    states.push(state);
  }
  return states;
}

const last = (states: CardState[]) => states[states.length - 1]!;

describe('card state', () => {
  it('opens after the hover delay and not before', () => {
    const pending = nextState(IDLE, { type: 'enter-mention', target: putin }, 1000, timing);
    expect(pending).toEqual({ name: 'pending', target: putin, until: 1300 });
    expect(deadlineOf(pending)).toBe(1300);
    expect(shownTarget(pending)).toBeNull();
    expect(nextState(pending, { type: 'timer' }, 1299, timing)).toBe(pending); // an early timer changes nothing
    expect(nextState(pending, { type: 'timer' }, 1300, timing)).toEqual({ name: 'open', target: putin });
  });

  it('uses the delay from the settings; a delay of 0 opens at once', () => {
    expect(nextState(IDLE, { type: 'enter-mention', target: putin }, 0, { ...timing, hoverDelay: 800 })).toMatchObject({ until: 800 });
    expect(nextState(IDLE, { type: 'enter-mention', target: putin }, 0, { ...timing, hoverDelay: 0 })).toEqual({ name: 'open', target: putin });
  });

  it('forgets a pending card when the pointer leaves, and restarts the delay on another mention', () => {
    expect(last(run([[0, { type: 'enter-mention', target: putin }], [200, { type: 'leave-mention' }]]))).toBe(IDLE);
    const moved = last(run([[0, { type: 'enter-mention', target: putin }], [200, { type: 'enter-mention', target: sharaa }]]));
    expect(moved).toEqual({ name: 'pending', target: sharaa, until: 500 });
    const stayed = last(run([[0, { type: 'enter-mention', target: putin }], [200, { type: 'enter-mention', target: putin }]]));
    expect(stayed).toMatchObject({ until: 300 }); // the same mention again does not restart it
  });

  it('opens at once on click, tap or the shortcut', () => {
    expect(nextState(IDLE, { type: 'activate', target: putin }, 0, timing)).toEqual({ name: 'open', target: putin });
    const pending = nextState(IDLE, { type: 'enter-mention', target: putin }, 0, timing);
    expect(nextState(pending, { type: 'activate', target: putin }, 10, timing)).toEqual({ name: 'open', target: putin });
  });

  it('keeps the card while the pointer crosses the gap into it, and closes after the grace period', () => {
    const open: CardState = { name: 'open', target: putin };
    const crossing = run([[0, { type: 'leave-mention' }], [120, { type: 'enter-card' }]], open);
    expect(crossing[0]).toEqual({ name: 'closing', target: putin, until: 300 });
    expect(crossing[1]).toEqual(open);
    const leaving = run([[500, { type: 'leave-card' }], [799, { type: 'timer' }], [800, { type: 'timer' }]], open);
    expect(leaving.map((s) => s.name)).toEqual(['closing', 'closing', 'idle']);
  });

  it('comes back to the mention during the grace period without closing', () => {
    const closing: CardState = { name: 'closing', target: putin, until: 300 };
    expect(nextState(closing, { type: 'enter-mention', target: putin }, 100, timing)).toEqual({ name: 'open', target: putin });
  });

  it('switches to another mention at once while shown, without closing', () => {
    const open: CardState = { name: 'open', target: putin };
    expect(nextState(open, { type: 'enter-mention', target: sharaa }, 0, timing)).toEqual({ name: 'open', target: sharaa });
    expect(nextState(open, { type: 'enter-mention', target: putinAgain }, 0, timing)).toEqual({ name: 'open', target: putinAgain });
    const closing: CardState = { name: 'closing', target: putin, until: 300 };
    expect(nextState(closing, { type: 'enter-mention', target: sharaa }, 100, timing)).toEqual({ name: 'open', target: sharaa });
  });

  it('closes at once on Escape, close and scrolling far, from every state', () => {
    const states: CardState[] = [
      { name: 'pending', target: putin, until: 300 },
      { name: 'open', target: putin },
      { name: 'closing', target: putin, until: 300 },
      { name: 'pinned', target: putin },
    ];
    for (const state of states) {
      expect(nextState(state, { type: 'escape' }, 0, timing)).toBe(IDLE);
      expect(nextState(state, { type: 'close' }, 0, timing)).toBe(IDLE);
    }
    for (const state of states.slice(0, 3)) expect(nextState(state, { type: 'scroll-far' }, 0, timing)).toBe(IDLE);
  });

  it('pins: a pinned card ignores the pointer and scrolling until it is closed or unpinned', () => {
    const pinned = nextState({ name: 'open', target: putin }, { type: 'pin' }, 0, timing);
    expect(pinned).toEqual({ name: 'pinned', target: putin });
    const after = run(
      [
        [10, { type: 'leave-mention' }],
        [20, { type: 'enter-mention', target: sharaa }],
        [30, { type: 'leave-card' }],
        [5000, { type: 'timer' }],
        [5001, { type: 'scroll-far' }],
      ],
      pinned,
    );
    expect(after.every((s) => s === pinned)).toBe(true);
    expect(nextState(pinned, { type: 'pin' }, 0, timing)).toEqual({ name: 'open', target: putin });
    expect(nextState(pinned, { type: 'activate', target: sharaa }, 0, timing)).toEqual({ name: 'open', target: sharaa });
    expect(nextState({ name: 'closing', target: putin, until: 9 }, { type: 'pin' }, 0, timing)).toEqual(pinned);
  });

  it('ignores events that mean nothing in a state', () => {
    expect(nextState(IDLE, { type: 'leave-mention' }, 0, timing)).toBe(IDLE);
    expect(nextState(IDLE, { type: 'enter-card' }, 0, timing)).toBe(IDLE);
    expect(nextState(IDLE, { type: 'pin' }, 0, timing)).toBe(IDLE);
    expect(nextState(IDLE, { type: 'timer' }, 0, timing)).toBe(IDLE);
    expect(deadlineOf({ name: 'open', target: putin })).toBeNull();
  });
});
