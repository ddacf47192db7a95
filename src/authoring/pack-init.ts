// `pack init`: a starting source for an article (docs/pack-source.md). It lists the article's
// paragraphs (as comments, numbered, and in a translation file to fill in when the article is not
// in English) and the names it finds, each an entity marked `candidate:` for the author to keep or
// drop. What it cannot know is written TODO; the build refuses a source that still holds either.

import { Document } from 'yaml';
import { paragraphSpans, sentenceSpans, sentencesAround } from './sentences';
import { TODO, TRANSLATE, scriptOf } from './pack-source';

export interface InitResult {
  readonly source: string;
  /** The translation to fill in (null for an English article), and its file name beside the source. */
  readonly translation: string | null;
  readonly translationFile: string;
  readonly paragraphs: number;
  readonly candidates: number;
}

interface Candidate {
  readonly text: string;
  /** Guessed from the title before the name (Arabic); unknown for a capitalised run. */
  readonly type: 'person' | 'place' | 'organisation' | 'event' | 'unknown';
  /** Offsets of its occurrences. */
  readonly at: number[];
}

// Arabic: the words that introduce a name in news copy, and what the name after them is. Between
// the title and the name stand its qualifiers, words with the article (الرئيس السوري أحمد الشرع,
// وزير الخارجية الروسي سيرغي لافروف); the name then runs over up to three words, to punctuation or
// a word that cannot be part of it.
const ARABIC_TITLES = new Map<string, Candidate['type']>([
  ...['رئيس', 'رئيسة', 'الرئيس', 'الرئيسة', 'وزير', 'وزيرة', 'الوزير', 'الوزيرة', 'نائب', 'النائب', 'الملك', 'الأمير', 'الشيخ', 'السيد', 'السيدة', 'المتحدث', 'المتحدثة', 'السفير', 'اللواء', 'العميد', 'العقيد', 'الجنرال', 'المستشار', 'مدير', 'مديرة', 'نظيره', 'نظيرها'].map((w) => [w, 'person'] as const),
  ...['مدينة', 'العاصمة', 'محافظة', 'قاعدة', 'مطار', 'ميناء', 'جزيرة', 'منطقة'].map((w) => [w, 'place'] as const),
  ...['وكالة', 'قناة', 'صحيفة', 'حزب', 'حركة', 'منظمة', 'شركة', 'جامعة', 'وزارة', 'هيئة'].map((w) => [w, 'organisation'] as const),
]);
/** Words that end a name: prepositions, particles, time words. */
const ARABIC_STOPS = new Set(['في', 'خلال', 'اليوم', 'على', 'من', 'إلى', 'الى', 'أن', 'أنّ', 'إن', 'إنّ', 'عن', 'مع', 'قد', 'و', 'بعد', 'قبل', 'أمس', 'حول', 'لـ', 'التي', 'الذي', 'الذين', 'كما', 'وفق', 'منذ', 'عند', 'بين', 'لدى']);
const PROCLITIC = /^[وفبلك](?=\p{L}{2})/u;

/** Names after a title in Arabic text: [name, type, offset]. */
function arabicTitled(text: string): [string, Candidate['type'], number][] {
  const words = [...text.matchAll(/[\p{L}\p{M}_]+|[^\s\p{L}\p{M}_]/gu)].map((m) => ({ w: m[0], at: m.index }));
  const out: [string, Candidate['type'], number][] = [];
  for (let i = 0; i < words.length; i++) {
    const bare = words[i]!.w.replace(PROCLITIC, '');
    const type = ARABIC_TITLES.get(bare) ?? ARABIC_TITLES.get(words[i]!.w);
    if (!type) continue;
    let j = i + 1;
    const isWord = (k: number) => words[k] !== undefined && /\p{L}/u.test(words[k].w);
    const quoted = words[j] && /["«]/u.test(words[j]!.w);
    if (quoted) j++;
    else for (let q = 0; q < 3 && isWord(j) && words[j]!.w.startsWith('ال'); q++) j++; // qualifiers
    const start = j;
    while (isWord(j) && j - start < (quoted ? 4 : 3) && !ARABIC_STOPS.has(words[j]!.w) && !ARABIC_STOPS.has(words[j]!.w.replace(PROCLITIC, '')) && !(j > start && /^(?:ال)?(?:يوم|أمس)/u.test(words[j]!.w))) {
      if (j === start && (words[j]!.w.startsWith('ال') && !quoted)) break;
      j++;
    }
    if (quoted && !(words[j] && /["»]/u.test(words[j]!.w))) continue;
    if (j === start || (type === 'person' && j - start < 2 && !quoted)) continue;
    out.push([text.slice(words[start]!.at, words[j - 1]!.at + words[j - 1]!.w.length), type, words[start]!.at]);
  }
  return out;
}

// English: runs of capitalised words (with the particles names carry), not at a sentence's start alone.
const CAPITALISED_RUN = /\b(?:[A-Z][\p{L}'’-]+)(?:\s+(?:(?:al|el|bin|ibn|de|van|von|der|of|the)[-\s])?[A-Z][\p{L}'’-]+)*/gu;
/** Capitalised words that open sentences and name nothing. */
const COMMON_OPENERS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'That', 'But', 'And', 'As', 'After', 'Before', 'While', 'When', 'If', 'For', 'His', 'Her', 'Their', 'Its', 'There', 'Meanwhile', 'However', 'Also', 'Earlier', 'Later', 'According', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

/** The names `text` seems to hold, most frequent first. */
export function candidateNames(text: string): Candidate[] {
  const found = new Map<string, { type: Candidate['type']; at: number[] }>();
  const add = (name: string, type: Candidate['type'], at: number) => {
    const clean = name.trim().replace(/^["«]|["»]$/g, '').trim();
    if (clean.length < 2) return;
    const entry = found.get(clean) ?? { type, at: [] };
    if (!entry.at.includes(at)) entry.at.push(at);
    found.set(clean, entry);
  };
  if (scriptOf(text) === 'ar') {
    for (const [name, type, at] of arabicTitled(text)) add(name, type, at);
  } else {
    const sentenceStarts = new Set(sentenceSpans(text).map(([s]) => s));
    for (const m of text.matchAll(CAPITALISED_RUN)) {
      let name = m[0];
      let at = m.index;
      // A sentence's first word is capitalised anyway: dropped when it is a common one.
      const first = name.split(/\s+/)[0]!;
      if (sentenceStarts.has(at) && COMMON_OPENERS.has(first)) {
        name = name.slice(first.length).trim();
        at += m[0].length - name.length;
      }
      if (name === '' || COMMON_OPENERS.has(name)) continue;
      add(name, 'unknown', at);
    }
  }
  // Every occurrence of each, not only those after a title.
  return [...found]
    .map(([name, { type, at }]) => {
      const all = new Set(at);
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) all.add(i);
      return { text: name, type, at: [...all].sort((a, b) => a - b) };
    })
    .sort((a, b) => b.at.length - a.at.length || a.at[0]! - b.at[0]!);
}

/** The starting source of the article `text`, read from `articleFile` (relative to the source); `stem` names the pack. */
export function initSource(text: string, articleFile: string, stem: string): InitResult {
  const language = scriptOf(text);
  const paragraphs = paragraphSpans(text);
  const sentences = sentenceSpans(text);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const id = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'my-story';
  const translationFile = `${stem}.en.txt`;
  const candidates = candidateNames(text);
  const counters = new Map<string, number>();
  const entities = candidates.map((c) => {
    const n = (counters.get(c.type) ?? 0) + 1;
    counters.set(c.type, n);
    const first = sentencesAround(sentences, c.at[0]!, c.at[0]! + c.text.length);
    const latin = c.text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return {
      id: language === 'en' && latin !== '' ? latin : `${c.type === 'unknown' ? 'entity' : c.type}-${n}`,
      candidate: `found ${c.at.length} time${c.at.length === 1 ? '' : 's'} (line ${[...new Set(c.at.map(lineOf))].join(', ')}): keep it (delete this line) or drop the entity`,
      type: c.type === 'unknown' ? TODO : c.type,
      name: language === 'ar' ? { ar: c.text, en: TODO } : { ar: TODO, en: c.text },
      aliases: [],
      role: null,
      summary: { ar: TODO, en: TODO, evidence: [{ in: first ? phraseOf(text, first[0], first[1]) : TODO }] },
      relations: [],
      dates: [],
    };
  });
  const doc = new Document({
    id,
    title: { ar: TODO, en: TODO },
    description: { ar: TODO, en: TODO },
    article: {
      file: articleFile,
      ...(language === 'en' ? {} : { translation: translationFile }),
      language,
      title: { ar: TODO, en: TODO, source: 'headline written for this pack' },
      outlet: { ar: TODO, en: TODO },
      date: TODO,
      placeLine: null,
      sources: [],
    },
    entities,
    quotes: [],
    blockers: [],
  });
  const paragraphList = paragraphs.map(([s, e], i) => `#   ${i + 1}. ${text.slice(s, Math.min(e, s + 90)).replace(/\s+/g, ' ')}${e - s > 90 ? '…' : ''}`).join('\n');
  doc.commentBefore = [
    ` A Hashiya pack source for ${articleFile} (docs/pack-source.md; build it with \`npm run pack -- build\`).`,
    ` Replace every ${TODO}; keep or drop each entity marked candidate; add aliases, quotes and facts.`,
    ` Facts say where they come from: \`in:\` a phrase copied from the article, or \`source:\` what else.`,
    ` The article's ${paragraphs.length} paragraphs:`,
    paragraphList.replace(/^# /gm, ''),
  ].join('\n');
  const translation = language === 'en' ? null : paragraphs.map(([s, e]) => `${TRANSLATE}${text.slice(s, e)}`).join('\n\n') + '\n';
  return { source: doc.toString({ lineWidth: 0, flowCollectionPadding: true }), translation, translationFile, paragraphs: paragraphs.length, candidates: candidates.length };
}

/** A phrase of whole words from `start` that is found once in `text` (the sentence itself when none is shorter). */
export function phraseOf(text: string, start: number, end: number): string {
  const words = text.slice(start, end).split(' ');
  for (let n = 3; n < words.length; n++) {
    const phrase = words.slice(0, n).join(' ');
    if (!phrase.includes('\n') && text.indexOf(phrase) === text.lastIndexOf(phrase)) return phrase;
  }
  return text.slice(start, end);
}
