import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackPointer } from './pointer';

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
