import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeldKey, trackPointer, type KeyNews } from './pointer';

// "Nothing runs on pointer moves but hit testing, throttled to one per frame": a pointer move only
// notes where the pointer is; the hit test (onFrame) runs in the next animation frame, once, with
// the latest position, however many moves came in between.

describe('trackPointer', () => {
  let listeners: Map<string, { listener: (event: PointerEvent) => void; options: unknown }>;
  let frames: (() => void)[];

  beforeEach(() => {
    listeners = new Map();
    frames = [];
    vi.stubGlobal('window', {
      addEventListener: (type: string, listener: (event: PointerEvent) => void, options: unknown) => listeners.set(type, { listener, options }),
      removeEventListener: (type: string, listener: unknown) => {
        if (listeners.get(type)?.listener === listener) listeners.delete(type);
      },
    });
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  });
  afterEach(() => vi.unstubAllGlobals());

  const move = (x: number, y: number, isTrusted = true) => listeners.get('pointermove')!.listener({ clientX: x, clientY: y, isTrusted } as PointerEvent);
  const runFrame = () => frames.splice(0).forEach((callback) => callback());

  it('listens to pointermove alone, passively', () => {
    trackPointer(() => undefined);
    expect([...listeners.keys()]).toEqual(['pointermove']);
    expect(listeners.get('pointermove')!.options).toEqual({ passive: true });
  });

  it('hit tests once per frame, with the latest position, and not during the moves', () => {
    const hits: [number, number][] = [];
    trackPointer((x, y) => hits.push([x, y]));
    for (let i = 0; i < 20; i++) move(i, 100 + i);
    expect(hits).toEqual([]); // the moves themselves do nothing else
    expect(frames).toHaveLength(1); // one frame asked for, not twenty
    runFrame();
    expect(hits).toEqual([[19, 119]]);

    move(40, 50);
    move(41, 51);
    expect(frames).toHaveLength(1);
    runFrame();
    expect(hits).toEqual([[19, 119], [41, 51]]);

    runFrame(); // no move, no frame work
    expect(hits).toHaveLength(2);
  });

  it('hands over the latest move, whose modifier keys say what is held', () => {
    const seen: unknown[] = [];
    trackPointer((_x, _y, event) => seen.push(event));
    const first = { clientX: 1, clientY: 1, isTrusted: true } as PointerEvent;
    const last = { clientX: 2, clientY: 2, isTrusted: true } as PointerEvent;
    listeners.get('pointermove')!.listener(first);
    listeners.get('pointermove')!.listener(last);
    runFrame();
    expect(seen).toEqual([last]);
  });

  it('ignores moves a page script made', () => {
    const hits: [number, number][] = [];
    trackPointer((x, y) => hits.push([x, y]));
    move(5, 5, false);
    expect(frames).toHaveLength(0);
    move(7, 7);
    move(9, 9, false);
    runFrame();
    expect(hits).toEqual([[7, 7]]);
  });

  it('stops listening when asked', () => {
    const stop = trackPointer(() => undefined);
    stop();
    expect(listeners.size).toBe(0);
  });
});

// The 'key' open mode: a card opens while the reader holds a key. What is held is what the latest
// event says: the key's own press or release, or the modifier state of any key or pointer event.
describe('HeldKey', () => {
  const event = (type: string, timeStamp: number, held: string[], key?: string): KeyNews => ({
    type,
    timeStamp,
    getModifierState: (name: string) => held.includes(name),
    ...(key === undefined ? {} : { key }),
  });

  it('is held from the key\'s press to its release, whatever modifier state those carry', () => {
    const shift = new HeldKey();
    expect(shift.held).toBe(false);
    expect(shift.note(event('keydown', 1, [], 'Shift'), 'shift')).toBe(true); // a press that does not report itself yet
    expect(shift.note(event('keydown', 2, ['Shift'], 'P'), 'shift')).toBe(true); // a capital typed meanwhile
    expect(shift.note(event('keyup', 3, ['Shift'], 'Shift'), 'shift')).toBe(false); // a release that still reports it
  });

  it('knows each key by its own name, and other keys leave it as their modifier state says', () => {
    const alt = new HeldKey();
    expect(alt.note(event('keydown', 1, ['Shift'], 'Shift'), 'alt')).toBe(false);
    expect(alt.note(event('keydown', 2, ['Alt', 'Shift'], 'Alt'), 'alt')).toBe(true);
    const ctrl = new HeldKey();
    expect(ctrl.note(event('keydown', 1, ['Control'], 'Control'), 'ctrl')).toBe(true);
    expect(ctrl.note(event('keydown', 2, ['Control'], 'Alt'), 'shift')).toBe(false); // the setting changed to Shift
  });

  it('learns from pointer moves a key pressed or released while another frame had the focus', () => {
    const shift = new HeldKey();
    expect(shift.note(event('pointermove', 5, ['Shift']), 'shift')).toBe(true);
    expect(shift.note(event('pointermove', 9, []), 'shift')).toBe(false);
  });

  it('takes no old news: a pointer move handed over a frame late does not undo a later press', () => {
    const shift = new HeldKey();
    shift.note(event('keydown', 10, ['Shift'], 'Shift'), 'shift');
    expect(shift.note(event('pointermove', 8, []), 'shift')).toBe(true);
    shift.note(event('keyup', 20, [], 'Shift'), 'shift');
    expect(shift.note(event('pointermove', 15, ['Shift']), 'shift')).toBe(false);
  });

  it('lets go when the window loses the focus, where the release will not be heard', () => {
    const shift = new HeldKey();
    shift.note(event('keydown', 1, ['Shift'], 'Shift'), 'shift');
    shift.release(4);
    expect(shift.held).toBe(false);
    expect(shift.note(event('pointermove', 3, ['Shift']), 'shift')).toBe(false); // a move from before the focus went
  });
});
