import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';

// The focus highlight (the mention under the pointer) is set on every frame the pointer moves; it
// must change, and so make the browser repaint, only when the mention under the pointer changes.
// The CSS Custom Highlight API is stood in for by a Set that counts its changes.

const changes: string[] = [];
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  override add(range: AbstractRange): this {
    changes.push('add');
    return super.add(range);
  }
  override clear(): void {
    changes.push('clear');
    super.clear();
  }
}

let Highlights: typeof import('./highlights').Highlights;
beforeAll(async () => {
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSSStyleSheet', class { replaceSync() {} });
  vi.stubGlobal('CSS', { highlights: new Map() });
  ({ Highlights } = await import('./highlights'));
});

const node = {} as Node;
const range = (start: number, end: number) => ({ startContainer: node, startOffset: start, endContainer: node, endOffset: end, collapsed: false }) as AbstractRange;

describe('focus highlight', () => {
  it('changes only when the mention under the pointer changes', () => {
    const highlights = new Highlights(DEFAULT_SETTINGS);
    changes.length = 0;
    highlights.setFocus(range(3, 8));
    expect(changes).toEqual(['clear', 'add']);
    highlights.setFocus(range(3, 8)); // the same mention, as a new Range object on the next frame
    highlights.setFocus(range(3, 8));
    expect(changes).toEqual(['clear', 'add']);
    highlights.setFocus(range(10, 14));
    expect(changes).toEqual(['clear', 'add', 'clear', 'add']);
    highlights.setFocus(null);
    highlights.setFocus(null); // nothing under the pointer, frame after frame: nothing to do
    expect(changes).toEqual(['clear', 'add', 'clear', 'add', 'clear']);
  });
});
