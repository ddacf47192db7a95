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

describe('taking marks off', () => {
  const categories = ['person', 'place'] as const;
  const setup = () => {
    const highlights = new Highlights(DEFAULT_SETTINGS);
    const drawn = Array.from({ length: 300 }, (_, i) => ({ category: categories[i % 2]!, range: range(i * 10, i * 10 + 5) }));
    for (const { category, range: r } of drawn) highlights.add(category, r);
    highlights.ensureRegistered();
    const registered = CSS.highlights as unknown as Map<string, FakeHighlight>;
    const held = () => new Set([...registered.values()].flatMap((h) => [...h]));
    return { highlights, drawn, held };
  };

  it('applies deletes on commit, one by one when they are few', () => {
    const { highlights, drawn, held } = setup();
    const deletes = vi.spyOn(FakeHighlight.prototype, 'delete');
    for (const { category, range: r } of drawn.slice(0, 5)) highlights.delete(category, r);
    expect(held().size).toBe(300); // not yet: a decision commits them together
    changes.length = 0;
    highlights.commit();
    expect(deletes).toHaveBeenCalledTimes(5);
    expect(changes).not.toContain('clear');
    expect(held()).toEqual(new Set(drawn.slice(5).map((d) => d.range)));
    deletes.mockRestore();
  });

  it('rebuilds a highlight instead of deleting many ranges from it (linear per delete in Firefox)', () => {
    const { highlights, drawn, held } = setup();
    const deletes = vi.spyOn(FakeHighlight.prototype, 'delete');
    for (const { category, range: r } of drawn.slice(0, 250)) highlights.delete(category, r);
    highlights.commit();
    expect(deletes).not.toHaveBeenCalled();
    expect(held()).toEqual(new Set(drawn.slice(250).map((d) => d.range)));
    highlights.commit(); // nothing pending: nothing changes
    expect(held()).toEqual(new Set(drawn.slice(250).map((d) => d.range)));
    deletes.mockRestore();
  });
});
