import { afterEach, describe, expect, it, vi } from 'vitest';
import { atNextFrame, later } from './scheduler';

describe('timers of a window that may have gone', () => {
  afterEach(() => vi.unstubAllGlobals());

  const stubWindow = (closed: boolean) => {
    // Firefox throws from the timers of a window whose tab or frame has gone.
    const gone = () => {
      if (closed) throw new Error('NS_ERROR_NOT_INITIALIZED');
      return 7;
    };
    const setTimeout = vi.fn(gone);
    const requestAnimationFrame = vi.fn(gone);
    vi.stubGlobal('window', { closed, setTimeout });
    vi.stubGlobal('requestAnimationFrame', requestAnimationFrame);
    return { setTimeout, requestAnimationFrame };
  };

  it('sets them in a window that is there', () => {
    const { setTimeout, requestAnimationFrame } = stubWindow(false);
    const run = () => undefined;
    expect(later(run, 200)).toBe(7);
    atNextFrame(run);
    expect(setTimeout).toHaveBeenCalledWith(run, 200);
    expect(requestAnimationFrame).toHaveBeenCalledWith(run);
  });

  it('sets none, and throws nothing, in a window that has gone', () => {
    const { setTimeout, requestAnimationFrame } = stubWindow(true);
    expect(later(() => undefined, 200)).toBe(0);
    expect(() => atNextFrame(() => undefined)).not.toThrow();
    expect(setTimeout).not.toHaveBeenCalled();
    expect(requestAnimationFrame).not.toHaveBeenCalled();
  });
});
