import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../../test/fixtures/match-fixture';
import { compileMatcher, decide, documentEvidence, resolve, type Mention, type Mentions } from './matcher';

const matcher = compileMatcher(FIXTURE);

function marks(text: string): [string, string][] {
  return matcher.find(text).toArray().map((m) => [text.slice(m.start, m.end), m.entity]);
}

describe('needs-evidence names', () => {
  it('leaves الشرع (the law) alone in a text without other evidence', () => {
    expect(marks('هذا مخالف لما أقره الشرع والقانون')).toEqual([]);
  });

  it('marks الشرع after a cue word of its entity', () => {
    expect(marks('قال الرئيس الشرع')).toEqual([['الشرع', 'ahmad-al-sharaa']]);
  });

  it('marks الشرع before a cue word of its entity', () => {
    expect(marks('ونقلت عن الشرع قوله')).toEqual([['الشرع', 'ahmad-al-sharaa']]);
  });

  it('does not take a cue separated by punctuation or glued as a proclitic', () => {
    expect(marks('قال الرئيس، الشرع')).toEqual([]);
    expect(marks('الرئيس والشرع')).toEqual([]);
  });

  it('marks الشرع anywhere once the document names the entity unambiguously', () => {
    expect(marks('أحمد الشرع في موسكو. وقال الشرع إن')).toEqual([
      ['أحمد الشرع', 'ahmad-al-sharaa'],
      ['موسكو', 'moscow'],
      ['الشرع', 'ahmad-al-sharaa'],
    ]);
  });

  it('lets quotes stand between a cue and the name', () => {
    expect(marks('قال الرئيس "الشرع"')).toEqual([['الشرع', 'ahmad-al-sharaa']]);
  });

  it('counts an unless-blocked mention as evidence, unless a document blocker switches it off', () => {
    expect(marks('al-Assad left. وقال الأسد')).toEqual([
      ['al-Assad', 'bashar-al-assad'],
      ['الأسد', 'bashar-al-assad'],
    ]);
  });

  it('leaves الأسد (the lion) alone, marks it after بشار-less cue المخلوع', () => {
    expect(marks('زأر الأسد في الغابة')).toEqual([]);
    expect(marks('فر المخلوع الأسد')).toEqual([['الأسد', 'bashar-al-assad']]);
  });

  it('takes the evidence from another block of the same document', () => {
    const blocks = ['تقرير', 'وقال الشرع', 'أحمد الشرع'];
    const out = resolve(blocks.map((b) => matcher.scan(b)));
    expect(out.map((ms) => ms.toArray().map((m) => m.entity))).toEqual([[], ['ahmad-al-sharaa'], ['ahmad-al-sharaa']]);
    // The same block alone has no evidence.
    expect(matcher.find('وقال الشرع').toArray()).toEqual([]);
  });
});

describe('span blockers', () => {
  it.each(['نصيب الأسد', 'حافظ الأسد', 'أحكام الشرع', 'Hafez al-Assad', 'Moscow, Idaho', 'Sputnik V'])(
    'swallow %s even with strong evidence elsewhere',
    (phrase) => {
      const text = `بشار الأسد وأحمد الشرع. ${phrase}.`;
      const inside = matcher.find(text).toArray().filter((m) => m.start >= text.indexOf(phrase));
      expect(inside).toEqual([]);
    },
  );

  it('swallow only their own span, and tell their block the other sense is there', () => {
    // The same block: the bare name is read in the blocker's sense.
    expect(marks('Sputnik V and Sputnik').map(([t]) => t)).toEqual([]);
    // Another block with the story's names: the agency.
    expect(marks('Sputnik V was approved.\nSputnik said Putin met al-Sharaa.').map(([t]) => t)).toEqual(['Sputnik', 'Putin', 'al-Sharaa']);
  });

  it('keep another member of the al-Assad family from being linked to Bashar', () => {
    expect(marks('Hafez al-Assad ruled before Bashar al-Assad')).toEqual([['Bashar al-Assad', 'bashar-al-assad']]);
  });
});

describe('unless-blocked names and document blockers', () => {
  it('marks AFP by default', () => {
    expect(marks('AFP reported')).toEqual([['AFP', 'afp']]);
  });

  it('switches AFP off for the whole document when a document blocker occurs', () => {
    expect(marks('AFP reported. The Australian Federal Police (AFP) said')).toEqual([]);
    const blocks = ['AFP reported', 'the Australian Federal Police said'];
    expect(resolve(blocks.map((b) => matcher.scan(b))).map((ms) => ms.toArray())).toEqual([[], []]);
  });

  it('does not switch off unambiguous names of the same entity', () => {
    expect(marks('Australian Federal Police. فرانس برس')).toEqual([['فرانس برس', 'afp']]);
  });
});

describe('scans', () => {
  it('report strong mentions and document blockers for the page to combine', () => {
    const scan = matcher.scan('Putin met the Australian Federal Police');
    expect(scan.strong).toEqual(['vladimir-putin']);
    expect(scan.blocked).toEqual(['afp']);
  });
});

describe('incremental decisions', () => {
  it('decide with the document evidence equals resolve, block by block', () => {
    const scans = ['وقال الشرع', 'AFP said', 'أحمد الشرع', 'the Australian Federal Police'].map((b) => matcher.scan(b));
    const evidence = documentEvidence(scans);
    expect(evidence.strong.has('ahmad-al-sharaa')).toBe(true);
    expect(evidence.blocked.has('afp')).toBe(true);
    const arrays = (list: readonly Mentions[]): Mention[][] => list.map((ms) => ms.toArray());
    expect(arrays(decide([scans[0]!], evidence))).toEqual([resolve(scans)[0]!.toArray()]);
    expect(arrays(decide(scans, evidence))).toEqual(arrays(resolve(scans)));
  });
});

describe('the mention list', () => {
  it('gives each mention by index, as arrays and as objects, and stays valid after the next find', () => {
    const text = 'Putin met al-Sharaa; فلاديمير بوتين والشرع';
    const found = matcher.find(text);
    matcher.find('Lavrov and Putin and Syria, again and again'); // reuses the matcher's buffers
    const byIndex = Array.from({ length: found.length }, (_, k) => [text.slice(found.start(k), found.end(k)), found.entity(k), found.name(k)]);
    expect(byIndex).toEqual([
      ['Putin', 'vladimir-putin', 'Putin'],
      ['al-Sharaa', 'ahmad-al-sharaa', 'al-Sharaa'],
      ['فلاديمير بوتين', 'vladimir-putin', 'فلاديمير بوتين'],
      ['الشرع', 'ahmad-al-sharaa', 'الشرع'],
    ]);
    expect(found.toArray()).toEqual(byIndex.map(([, entity, name], k) => ({ start: found.start(k), end: found.end(k), entity, name })));
    expect([...found]).toEqual(found.toArray());
    expect(found.at(1)).toEqual(found.toArray()[1]);
  });

  it('gives each block decided together its own mentions', () => {
    const blocks = ['Putin and Russia', 'nothing here', 'بوتين', 'al-Sharaa met Putin in Moscow'];
    const lists = resolve(blocks.map((b) => matcher.scan(b)));
    expect(lists.map((ms, i) => ms.toArray().map((m) => [blocks[i]!.slice(m.start, m.end), m.entity]))).toEqual([
      [['Putin', 'vladimir-putin'], ['Russia', 'russia']],
      [],
      [['بوتين', 'vladimir-putin']],
      [['al-Sharaa', 'ahmad-al-sharaa'], ['Putin', 'vladimir-putin'], ['Moscow', 'moscow']],
    ]);
  });
});
