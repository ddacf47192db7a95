// Local context decides, the document informs (resolve.ts, steps 3 and 4), on the bundled pack:
// its `cues.against` words, its blocker with a context, and the evidence of paragraphs and text.
import { describe, expect, it } from 'vitest';
import type { Pack } from '../data/pack-schema';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { toMatchData } from '../data/match-data';
import { explain } from './explain';
import { compileMatcher, paragraphs } from './matcher';

const matcher = compileMatcher(toMatchData(bundled as unknown as Pack));

function marks(text: string): [string, string][] {
  return matcher.find(text).toArray().map((m) => [text.slice(m.start, m.end), m.entity]);
}

describe('the other sense in the mention’s own sentence', () => {
  it('keeps the lion unmarked next to Bashar al-Assad in the same paragraph', () => {
    expect(marks('التقى بشار الأسد وزير الدفاع. وفي حديقة الحيوان زأر الأسد بصوت عال أمام الزوار.')).toEqual([
      ['بشار الأسد', 'bashar-al-assad'],
    ]);
  });

  it('keeps the law unmarked on a page about the president', () => {
    expect(marks('وصل الرئيس أحمد الشرع إلى موسكو. وقال الفقهاء إن الشرع لا يبيح ذلك.')).toEqual([
      ['أحمد الشرع', 'ahmad-al-sharaa'],
      ['موسكو', 'moscow'],
    ]);
  });

  it('lets a cue right next to the name win over the other sense’s words', () => {
    expect(marks('قال الرئيس الشرع للفقهاء إن الدولة لا تفتي.')).toEqual([['الشرع', 'ahmad-al-sharaa']]);
  });

  it('marks the bare name elsewhere in the paragraph where nothing says otherwise', () => {
    expect(marks('التقى بشار الأسد وزير الدفاع. ثم غادر الأسد القاعة.')).toEqual([
      ['بشار الأسد', 'bashar-al-assad'],
      ['الأسد', 'bashar-al-assad'],
    ]);
  });
});

describe('a blocker with a context', () => {
  it('is the agency where no word of the vaccine is in the sentence', () => {
    expect(marks('وقال سبوتنيك في تقرير إن الرئيس الشرع وصل إلى موسكو.').map(([t, e]) => `${t}:${e}`)).toEqual([
      'سبوتنيك:sputnik', 'الشرع:ahmad-al-sharaa', 'موسكو:moscow',
    ]);
  });

  it('is the vaccine among the vaccine’s words, even on the story’s page', () => {
    expect(marks('وصل الرئيس الشرع إلى موسكو. وأعلنت الوزارة توفر جرعات سبوتنيك في المراكز.')).toEqual([
      ['الشرع', 'ahmad-al-sharaa'],
      ['موسكو', 'moscow'],
    ]);
  });
});

describe('paragraph and document evidence', () => {
  it('reads a bare Moscow as Idaho’s in a paragraph about Moscow, Idaho, and in the headline over it', () => {
    const text = 'Moscow votes on a new sales tax\nMOSCOW, Idaho — The council met on Tuesday. Moscow residents will pay more.\n';
    expect(marks(text)).toEqual([]);
  });

  it('reads it as the capital in a paragraph with the story’s names, despite a sidebar about Idaho', () => {
    const text = 'Al-Sharaa flew to Moscow on Wednesday.\nMOSCOW, Idaho — The council met on Tuesday.\n';
    expect(marks(text)).toEqual([['Al-Sharaa', 'ahmad-al-sharaa'], ['Moscow', 'moscow']]);
  });

  it('takes a needs-evidence name joined to another person of the story by "and"', () => {
    expect(marks('وصل الرئيس ومعه الشيباني وأبو قصرة.')).toEqual([['الشيباني', 'asaad-al-shaibani'], ['أبو قصرة', 'murhaf-abu-qasra']]);
    expect(marks('وقيل إن الشيباني سافر.')).toEqual([]);
  });

  it('splits a text at line breaks that end a sentence, not inside a wrapped one', () => {
    const text = 'Syrian President Ahmad\nal-Sharaa met Putin.\nNext.\n\nLast';
    expect(paragraphs(text).map((at) => text.slice(at, at + 4))).toEqual(['Syri', 'Next', '\nLas', 'Last', '']);
  });
});

describe('explain', () => {
  it('gives every candidate, marked or not, with what decided it', () => {
    const text = 'التقى بشار الأسد وزير الدفاع. وفي حديقة الحيوان زأر الأسد. وتابعت نصيب الأسد.';
    const rows = explain(matcher, text).map((c) => [c.text, c.marked, c.ambiguity]);
    expect(rows).toEqual([
      ['بشار الأسد', true, 'always'],
      ['حديقة الحيوان', false, 'sense'],
      ['الأسد', false, 'needs-evidence'],
      ['نصيب الأسد', false, 'blocker'],
    ]);
  });
});

describe('a document blocker informs, the paragraph decides', () => {
  const page = 'The Australian Federal Police arrested two men; AFP officers seized phones.\n\nAFP reported that al-Sharaa arrived in Moscow on Wednesday.';

  it('marks the agency where the story’s names stand with it, not the police in their own paragraph', () => {
    expect(marks(page)).toEqual([
      ['AFP', 'afp'],
      ['al-Sharaa', 'ahmad-al-sharaa'],
      ['Moscow', 'moscow'],
    ]);
    expect(matcher.find(page).toArray()[0]!.start).toBe(page.lastIndexOf('AFP'));
  });

  it('keeps the police unmarked even with a name of the story in their paragraph', () => {
    expect(marks('In Moscow, the Australian Federal Police (AFP) met Russian officers.')).toEqual([['Moscow', 'moscow']]);
  });

  it('keeps the police unmarked on a page with no other name of the story', () => {
    expect(marks('The Australian Federal Police arrested two men.\n\nAFP officers seized phones.')).toEqual([]);
  });
});

describe('the Arabic names of places that are also things and towns', () => {
  it('leaves the cocktail, the tobacco and the Idaho town unmarked, the capital and the province marked', () => {
    expect(marks('وصل الشرع إلى موسكو ثم زار اللاذقية.\n\nكوكتيل موسكو ميول وعلبة تبغ اللاذقية.\n\nموسكو تصوت على ضريبة جديدة\nصوت مجلس موسكو في ولاية أيداهو على الضريبة.')).toEqual([
      ['الشرع', 'ahmad-al-sharaa'],
      ['موسكو', 'moscow'],
      ['اللاذقية', 'latakia'],
    ]);
  });
});

describe('a name after an elided article', () => {
  it('starts after the apostrophe of l’, d’ and dell’, and a name still goes on across one', () => {
    expect(marks("Selon l'AFP, il a été question d’Assad au Kremlin ; secondo fonti dell’AFP.")).toEqual([
      ['AFP', 'afp'],
      ['Assad', 'bashar-al-assad'],
      ['Kremlin', 'kremlin'],
      ['AFP', 'afp'],
    ]);
    expect(marks("Flights to Sana'a resumed; the Kremlin's spokesman and Putin’s aide said nothing.")).toEqual([
      ['Kremlin', 'kremlin'],
      ['Putin', 'vladimir-putin'],
    ]);
  });
});
