import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURE } from '../../test/fixtures/match-fixture';
import { compileMatcher } from '../match/matcher';
import { DEFAULT_SETTINGS } from '../settings/settings';

// A decision over many blocks (the end of a long read) is drawn a slice at a time: no task draws
// thousands of marks at once. The CSS Custom Highlight API is stood in for by Sets, StaticRange by
// a plain record, and the clock by one that moves 1 ms per block drawn.

let PageMarks: typeof import('./page-marks').PageMarks;
beforeAll(async () => {
  vi.stubGlobal('Highlight', class extends Set<AbstractRange> { priority = 0; });
  vi.stubGlobal('CSSStyleSheet', class { replaceSync() {} });
  vi.stubGlobal('CSS', { highlights: new Map() });
  vi.stubGlobal('StaticRange', class { constructor(init: StaticRangeInit) { Object.assign(this, init); } });
  ({ PageMarks } = await import('./page-marks'));
});
afterEach(() => vi.restoreAllMocks());

const ROOT = {} as Document;
const LINE = 'Putin met the Syrian president in Moscow.';
const block = () => ({ container: {} as Node, nodes: [{ length: LINE.length } as Text], starts: [0], text: LINE });
const drawnMarks = () => {
  let n = 0;
  (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).forEach((h) => (n += h.size));
  return n;
};

describe('drawing a decision', () => {
  it('draws many blocks a slice at a time, and tells the counts once all is drawn', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now++);
    const reports: Record<string, number>[] = [];
    const marks = new PageMarks(compileMatcher(FIXTURE), DEFAULT_SETTINGS, (counts) => reports.push(counts));
    marks.highlights.ensureRegistered();
    for (let i = 0; i < 200; i++) marks.add(block(), ROOT);
    marks.decide();
    // One slice's worth is drawn at once, not the 400 marks of the 200 blocks.
    expect(drawnMarks()).toBeGreaterThan(0);
    expect(drawnMarks()).toBeLessThan(400);
    expect(marks.drawn).toBe(false);
    expect(reports).toEqual([]);
    await vi.waitFor(() => expect(marks.drawn).toBe(true));
    expect(drawnMarks()).toBe(400);
    expect(reports).toEqual([{ moscow: 200, 'vladimir-putin': 200 }]);
  });

  it('draws only the latest decision of a block, and nothing of a block dropped meanwhile', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
    const marks = new PageMarks(compileMatcher(FIXTURE), DEFAULT_SETTINGS, () => undefined);
    marks.highlights.ensureRegistered();
    for (let i = 0; i < 50; i++) marks.add(block(), ROOT);
    marks.decide();
    const kept = marks.blocks.slice(0, 10);
    marks.drop((b) => !kept.includes(b));
    // A new decision with places switched off, before the first is all drawn.
    marks.update({ ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories, place: false } });
    await vi.waitFor(() => expect(marks.drawn).toBe(true));
    expect(drawnMarks()).toBe(10);
    expect(kept.every((b) => b.shown.length === 1 && b.shown[0]!.mention.entity === 'vladimir-putin')).toBe(true);
  });
});
