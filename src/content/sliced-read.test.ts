import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshAtTop, visiblePart } from './sliced-read';

// The first read of a page just opened starts at its top without asking the layout where the
// page is scrolled: reading scrollY lays out the whole page at once (60-90 ms on the stress page
// in Chromium, in the task after DOMContentLoaded). Anything else may start elsewhere.

function page(type: string | undefined, hash: string): void {
  vi.stubGlobal('performance', { getEntriesByType: (kind: string) => (kind === 'navigation' && type ? [{ type }] : []) });
  vi.stubGlobal('location', { hash });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('where the first read of a page starts', () => {
  it('is the top of a page just navigated to, with no fragment', () => {
    page('navigate', '');
    expect(freshAtTop()).toBe(true);
  });

  it('is asked of the layout after a reload, a return through history, an anchor, or with no record', () => {
    for (const [type, hash] of [['reload', ''], ['back_forward', ''], ['navigate', '#end'], [undefined, '']] as const) {
      page(type, hash);
      expect(freshAtTop(), `${type} ${hash}`).toBe(false);
    }
  });

  it('reads no scroll position where there is no body yet', () => {
    let reads = 0;
    vi.stubGlobal('document', { body: null });
    Object.defineProperty(globalThis, 'scrollY', { configurable: true, get: () => (reads++, 0) });
    expect(visiblePart()).toBeNull();
    expect(reads).toBe(0);
    delete (globalThis as { scrollY?: number }).scrollY;
  });
});
