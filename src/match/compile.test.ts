import { describe, expect, it } from 'vitest';
import { toMatchData } from '../data/match-data';
import type { Pack } from '../data/pack-schema';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { NEEDS_EVIDENCE, UNIFORM_BLOCKS, UNLESS_BLOCKED, compileTables } from './compile';
import { foldTables } from './fold-table';
import { compileMatcher } from './matcher';

const { fold, IS_WORD } = foldTables();

const input = toMatchData(bundled as unknown as Pack);

describe('compiling', () => {
  it('puts one spelling of one entity in one rule, with the stricter reading', () => {
    const t = compileTables([{
      entities: [{ id: 'moscow', type: 'place', name: 'Moscow', names: [{ text: 'Moscow' }, { text: 'MOSCOW', ambiguity: 'unless-blocked' }] }],
      blockers: [],
    }]);
    expect(t.groups).toHaveLength(1);
    expect(t.groups[0]).toMatchObject([{ entity: 'moscow', ambiguity: UNLESS_BLOCKED }]);
  });

  it('keeps different entities that share a spelling, blockers first', () => {
    const t = compileTables([{
      entities: [
        { id: 'a', type: 'person', name: 'A', names: [{ text: 'Assad', ambiguity: 'needs-evidence' }] },
        { id: 'b', type: 'place', name: 'B', names: [{ text: 'assad' }] },
      ],
      blockers: [{ text: 'ASSAD', scope: 'span', entities: ['a'] }],
    }]);
    expect(t.groups[0]!.map((r) => [r.entity, r.ambiguity])).toEqual([['', 0], ['a', NEEDS_EVIDENCE], ['b', 0]]);
  });

  it('compiles names of several packs into one matcher', () => {
    const other = { entities: [{ id: 'tartuffe', type: 'person', name: 'Tartuffe', names: [{ text: 'Tartuffe' }] }], blockers: [] };
    const m = compileMatcher([input, other]);
    expect(m.find('Tartuffe met Putin').toArray().map((x) => x.entity)).toEqual(['tartuffe', 'vladimir-putin']);
  });
});

describe('uniform blocks (filled, not computed unit by unit)', () => {
  it('fold to themselves and are all letters or all not, so a fill gives what the rule gives', () => {
    // Checked in a plain loop, one expect at the end: an expect per unit made this test take five
    // seconds (tens of thousands of units), over vitest's limit on a busy machine.
    const wrong: string[] = [];
    let units = 0;
    for (const [from, to] of UNIFORM_BLOCKS) {
      for (let c = from; c < to; c++, units++) {
        if (fold(c) !== c) wrong.push(`U+${c.toString(16)} folds to U+${fold(c).toString(16)}`);
        if (IS_WORD[c] !== IS_WORD[from]) wrong.push(`U+${c.toString(16)} is ${IS_WORD[c] ? '' : 'not '}a letter, unlike its block`);
      }
    }
    expect(units).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });

  it('keep the symbols of names written inside them', () => {
    const cjk = { entities: [{ id: 'beijing', type: 'place', name: 'Beijing', names: [{ text: '北京' }, { text: '서울' }] }], blockers: [] };
    const t = compileTables([input, cjk]);
    expect(t.uniformExceptions).toEqual(expect.arrayContaining([0x5317, 0x4eac, 0xc11c, 0xc6b8]));
    expect(t.sym[0x5317]).not.toBe(t.sym[0x5318]);
    const text = '在 北京 和 서울, 京北 no.';
    const found = compileMatcher([input, cjk]).find(text).toArray();
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['北京', '서울']);
  });
});
