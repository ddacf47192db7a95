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

  it('keeps a range deleted and drawn again before the commit, touching no highlight (a block read again)', () => {
    const { highlights, drawn, held } = setup();
    const deletes = vi.spyOn(FakeHighlight.prototype, 'delete');
    const before = drawn.slice(0, 100);
    for (const { category, range: r } of before) highlights.delete(category, r);
    changes.length = 0;
    // The block is read again: the same mentions come back as new range objects, and one is new.
    const again = before.map(({ category, range: r }) => highlights.add(category, range(r.startOffset, r.endOffset)));
    const added = range(5000, 5005);
    expect(highlights.add('person', added)).toBe(added);
    highlights.commit();
    expect(again).toEqual(before.map((d) => d.range));
    again.forEach((r, i) => expect(r).toBe(before[i]!.range)); // the very ranges drawn before
    expect(deletes).not.toHaveBeenCalled();
    expect(changes).toEqual(['add']); // only the new mention
    expect(held()).toEqual(new Set([...drawn.map((d) => d.range), added]));
    deletes.mockRestore();
  });

  it('takes a range back only into its own category and bounds', () => {
    const { highlights, drawn, held } = setup();
    const [first] = drawn;
    highlights.delete(first!.category, first!.range);
    const other = first!.category === 'person' ? 'place' : 'person';
    const moved = range(first!.range.startOffset, first!.range.endOffset);
    expect(highlights.add(other, moved)).toBe(moved); // a new decision: another category, a new range
    const longer = range(first!.range.startOffset, first!.range.endOffset + 3);
    highlights.delete(other, moved);
    expect(highlights.add(other, longer)).toBe(longer); // the same start, not the same mention
    highlights.commit();
    expect(held().has(first!.range)).toBe(false);
    expect(held().has(moved)).toBe(false);
    expect(held().has(longer)).toBe(true);
  });
});

describe('a frame that never marks anything', () => {
  it('registers no highlight until its first mark, then every one in use and the focus', () => {
    const registered = CSS.highlights as unknown as Map<string, FakeHighlight>;
    registered.clear();
    const highlights = new Highlights(DEFAULT_SETTINGS);
    highlights.restyle(DEFAULT_SETTINGS);
    highlights.ensureRegistered();
    highlights.setFocus(null);
    expect(registered.size).toBe(0);
    highlights.add('person', range(0, 5));
    expect(registered.size).toBeGreaterThanOrEqual(2); // the person style's highlight and the focus
    expect([...registered.values()].some((h) => h.has(range(0, 5)) || [...h].some((r) => r.startOffset === 0))).toBe(true);
    highlights.dispose();
    expect(registered.size).toBe(0);
  });
});
