import { describe, expect, it } from 'vitest';
import { toMatchData } from '../data/match-data';
import type { Pack } from '../data/pack-schema';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { NEEDS_EVIDENCE, UNLESS_BLOCKED, compileTables } from './compile';
import { compileMatcher } from './matcher';

const input = toMatchData(bundled as unknown as Pack);

describe('compiling', () => {
  it('compiles the bundled pack quickly (loose bound; the benchmark prints the real figure)', () => {
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      compileMatcher(input);
      best = Math.min(best, performance.now() - t);
    }
    expect(best).toBeLessThan(50);
  });

  it('puts one spelling of one entity in one rule, with the stricter reading', () => {
    const t = compileTables([{
      entities: [{ id: 'moscow', type: 'place', name: 'Moscow', names: [{ text: 'Moscow' }, { text: 'MOSCOW', ambiguity: 'unless-blocked' }] }],
      blockers: [],
    }]);
    expect(t.groups).toHaveLength(1);
    expect(t.groups[0]).toMatchObject([{ entity: 'moscow', evidence: UNLESS_BLOCKED }]);
  });

  it('keeps different entities that share a spelling, blockers first', () => {
    const t = compileTables([{
      entities: [
        { id: 'a', type: 'person', name: 'A', names: [{ text: 'Assad', ambiguity: 'needs-evidence' }] },
        { id: 'b', type: 'place', name: 'B', names: [{ text: 'assad' }] },
      ],
      blockers: [{ text: 'ASSAD', scope: 'span', entities: ['a'] }],
    }]);
    expect(t.groups[0]!.map((r) => [r.entity, r.evidence])).toEqual([['', 0], ['a', NEEDS_EVIDENCE], ['b', 0]]);
  });

  it('compiles names of several packs into one matcher', () => {
    const other = { entities: [{ id: 'tartuffe', type: 'person', name: 'Tartuffe', names: [{ text: 'Tartuffe' }] }], blockers: [] };
    const m = compileMatcher([input, other]);
    expect(m.find('Tartuffe met Putin').map((x) => x.entity)).toEqual(['tartuffe', 'vladimir-putin']);
  });
});
