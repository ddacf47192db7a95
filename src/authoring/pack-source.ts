// A pack's authoring source (docs/pack-source.md): a YAML file a person writes by hand, beside the
// article as a text file and, optionally, its translation. Nothing in it is an offset: facts point
// at the article by a phrase of it (`in`), quotes are given by their words, and the sentences that
// mention an entity are found by the engine itself. buildPack computes every offset, validates the
// result as an import would, and reports, with file and line, everything it could not place.

import { LineCounter, parseDocument, type Document } from 'yaml';
import { toMatchData } from '../data/match-data';
import type { Pack, Provenance, Span } from '../data/pack-schema';
import { PACK_FORMAT, PACK_VERSION } from '../data/pack-schema';
import type { PathKey } from '../data/pack-error';
import { validatePack } from '../data/validate-pack';
import { foldString, hasNameAsWords } from '../match/fold-table';
import { compileMatcher } from '../match/matcher';
import { paragraphSpans, sentenceSpans, sentencesAround, type Range } from './sentences';

/** A placeholder the author must replace (pack init writes it); the build reports each one left. */
export const TODO = 'TODO';
/** Opens each line of a translation still to write (pack init writes them). */
export const TRANSLATE = 'TRANSLATE: ';

/** Something the build could not place, where the author can fix it. */
export interface SourceProblem {
  readonly file: string;
  /** 1-based; 0 when the problem is the file as a whole. */
  readonly line: number;
  readonly message: string;
  /** An error stops the pack; a warning is printed and the pack is still written. */
  readonly severity: 'error' | 'warning';
}

/** What buildPack needs from the outside: the source's neighbouring files. */
export interface SourceFiles {
  /** The text of `path` (relative to the source), or undefined when it cannot be read. */
  read(path: string): string | undefined;
}

export interface BuiltPack {
  /** The pack, when there were no errors. */
  readonly pack: Pack | null;
  readonly problems: readonly SourceProblem[];
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/u;
/** The language of a name or phrase, by its script. */
export const scriptOf = (text: string): 'ar' | 'en' => (ARABIC.test(text) ? 'ar' : 'en');

/** Builds the pack of the source `text` (file `file`); its article files are read through `files`. */
export function buildPack(text: string, file: string, files: SourceFiles): BuiltPack {
  const problems: SourceProblem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) problems.push({ file, line: lines.linePos(error.pos[0]).line, message: `not YAML: ${error.message.split('\n')[0]}`, severity: 'error' });
  if (problems.length > 0) return { pack: null, problems };
  const source: unknown = doc.toJS();
  if (!isObj(source)) return { pack: null, problems: [{ file, line: 1, message: 'a pack source is a YAML mapping (id:, article:, entities: …)', severity: 'error' }] };
  return new Builder(source, doc, lines, file, files, problems).build();
}

class Builder {
  readonly #article = { text: '', file: '', language: 'ar' as unknown, sentences: [] as Range[] };

  constructor(
    readonly source: Obj,
    readonly doc: Document,
    readonly lines: LineCounter,
    readonly file: string,
    readonly files: SourceFiles,
    readonly problems: SourceProblem[],
  ) {}

  /** The line of the source node at `path` (or of its nearest ancestor there). */
  line(path: readonly PathKey[]): number {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return 1;
  }

  problem(path: readonly PathKey[], message: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push({ file: this.file, line: this.line(path), message, severity });
  }

  build(): BuiltPack {
    const source = this.source;
    const article = isObj(source['article']) ? source['article'] : {};
    const articleFile = typeof article['file'] === 'string' ? article['file'] : '';
    const text = articleFile === '' ? undefined : this.files.read(articleFile);
    if (text === undefined) {
      this.problem(['article', 'file'], articleFile === '' ? 'article.file names the article\'s text file' : `cannot read the article ${articleFile}`);
      return { pack: null, problems: this.problems };
    }
    this.#placeholders(source, []);
    for (const path of unknownKeys(source, SOURCE_SHAPE, [], [])) {
      this.problem(path, `unknown field "${String(path.at(-1))}" (misspelt? a text holding ": " needs quotes)`);
    }
    this.#article.text = text;
    this.#article.file = articleFile;
    const language = article['language'] ?? scriptOf(text);
    this.#article.language = language;
    const runsOn = new Set<number>();
    const joins = Array.isArray(article['joinLines']) ? article['joinLines'] : [];
    joins.forEach((phrase, i) => {
      // The occurrences that end a line (but the last).
      const ends = (typeof phrase === 'string' ? this.#occurrences(phrase) : []).map((at) => at + (phrase as string).length).filter((end) => text[end] === '\n');
      if (ends.length === 1) runsOn.add(ends[0]!);
      else this.problem(['article', 'joinLines', i], ends.length > 1 ? `"${String(phrase)}" ends ${ends.length} lines of ${articleFile}: give more of the line` : `"${String(phrase)}" is not the end of a line of ${articleFile}`);
    });
    this.#article.sentences = sentenceSpans(text, runsOn);

    const paragraphs = paragraphSpans(text);
    const translation = this.#translation(article, paragraphs, language);
    const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
    const entities = listOf(source['entities']).map((entity, i) => this.#entity(entity, i));
    const quotes = listOf(source['quotes']).map((quote, i) => this.#quote(quote, i));
    const blockers = listOf(source['blockers']).map((blocker): unknown =>
      isObj(blocker) && typeof blocker['text'] === 'string' && blocker['lang'] === undefined ? { ...blocker, lang: scriptOf(blocker['text']) } : blocker,
    );
    const title = isObj(article['title']) ? article['title'] : {};
    const pack = {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      id: source['id'],
      title: source['title'],
      description: source['description'],
      article: {
        title: this.#withProvenance(title, ['article', 'title']),
        date: typeof article['date'] === 'string' ? article['date'] : article['date'] instanceof Date ? article['date'].toISOString().slice(0, 10) : article['date'],
        ...(article['language'] === undefined ? {} : { language }),
        ...(article['outlet'] === undefined ? {} : { outlet: article['outlet'] }),
        ...(article['url'] === undefined ? {} : { url: article['url'] }),
        placeLine: article['placeLine'] ?? null,
        sources: article['sources'] ?? [],
        text,
        paragraphs: paragraphs.map(([start, end], i) => ({ start, end, en: translation[i] ?? '' })),
      },
      entities,
      quotes,
      blockers,
    };
    this.#addMentions(pack as unknown as Pack);
    const checked = validatePack(pack);
    // The validator's view of what the build has already reported (a phrase or quote not placed,
    // a paragraph with no translation, a TODO) is left out: one message per mistake.
    const reported = new Set(this.problems.filter((p) => p.severity === 'error' && p.file === this.file).map((p) => p.line));
    const translationFailed = this.problems.some((p) => p.severity === 'error' && p.file !== this.file);
    if (!checked.ok) {
      for (const error of checked.errors) {
        const path = sourcePath(error.path);
        if (reported.has(this.line(path)) || (translationFailed && error.path.startsWith('article.paragraphs'))) continue;
        this.problem(path, `${error.path}: ${error.message}`);
      }
    }
    const failed = this.problems.some((p) => p.severity === 'error');
    return { pack: failed || !checked.ok ? null : checked.pack, problems: this.problems };
  }

  /** The English of each paragraph: the translation file's non-empty lines, or the article's own for an English one. */
  #translation(article: Obj, paragraphs: readonly Range[], language: unknown): string[] {
    const given = article['translation'];
    const file = typeof given === 'string' ? given : '';
    const text = this.#article.text;
    if (given === undefined) {
      if (language === 'en') return paragraphs.map(([s, e]) => text.slice(s, e));
      this.problem(['article'], 'an article not in English needs its translation: article.translation names a file with one English line per paragraph');
      return [];
    }
    const translated = file === '' ? undefined : this.files.read(file);
    if (translated === undefined) {
      this.problem(['article', 'translation'], `cannot read the translation ${file === '' ? '(article.translation is a file name)' : file}`);
      return [];
    }
    const spans = paragraphSpans(translated);
    const lines = spans.map(([s, e]) => translated.slice(s, e));
    lines.forEach((line, i) => {
      if (line.startsWith(TRANSLATE)) this.problems.push({ file, line: translated.slice(0, spans[i]![0]).split('\n').length, message: `paragraph ${i + 1} is still to translate`, severity: 'error' });
    });
    if (lines.length !== paragraphs.length) {
      // Where they part only the author can tell: both files' paragraphs are listed by line.
      const lineOf = (t: string, s: number) => t.slice(0, s).split('\n').length;
      this.problems.push({
        file,
        line: 0,
        message: `the translation has ${lines.length} paragraphs and ${this.#article.file} has ${paragraphs.length}; each paragraph (a non-empty line) needs one line of translation, in order (paragraphs start at lines ${spans.map(([s]) => lineOf(translated, s)).join(', ')} here, ${paragraphs.map(([s]) => lineOf(text, s)).join(', ')} in ${this.#article.file})`,
        severity: 'error',
      });
    }
    return lines;
  }

  /** What `pack init` left for the author: TODO texts and entities still marked candidate. */
  #placeholders(value: unknown, path: PathKey[]): void {
    if (value === TODO) this.problem(path, `${TODO}: fill this in`);
    else if (Array.isArray(value)) value.forEach((item, i) => this.#placeholders(item, [...path, i]));
    else if (isObj(value)) {
      if (path.length === 2 && path[0] === 'entities' && value['candidate'] !== undefined) {
        this.problem([...path, 'candidate'], `${String(value['id'])} is a candidate: keep it (delete its candidate line) or drop the entity`);
      }
      for (const [key, item] of Object.entries(value)) this.#placeholders(item, [...path, key]);
    }
  }

  #occurrences(phrase: string): number[] {
    const out: number[] = [];
    if (phrase === '') return out;
    for (let at = this.#article.text.indexOf(phrase); at >= 0; at = this.#article.text.indexOf(phrase, at + 1)) out.push(at);
    return out;
  }

  /** The sentences that hold `phrase`, as a span; a problem at `path` when it is not in the article or is in more than one place. */
  #place(phrase: unknown, path: readonly PathKey[]): Span | null {
    if (typeof phrase !== 'string' || phrase.trim() === '') {
      this.problem(path, '`in` is a phrase copied from the article');
      return null;
    }
    const spans = new Map<string, Range>();
    for (const at of this.#occurrences(phrase)) {
      const span = sentencesAround(this.#article.sentences, at, at + phrase.length);
      if (span) spans.set(span.join(), span);
    }
    if (spans.size === 1) {
      const [[start, end]] = [...spans.values()] as [Range];
      return { start, end };
    }
    this.problem(path, spans.size === 0 ? `"${shorten(phrase)}" is not in ${this.#article.file}: copy it exactly, within one run of sentences` : `"${shorten(phrase)}" occurs in ${spans.size} sentences of ${this.#article.file}: give a longer phrase`);
    return null;
  }

  /** The provenance `in: phrase` or `source: name` at `path` says. */
  #provenance(value: unknown, path: readonly PathKey[]): Provenance | null {
    if (!isObj(value) || (value['in'] === undefined) === (value['source'] === undefined)) {
      this.problem(path, 'a fact says where it comes from: `in:` a phrase of the article, or `source:` what else');
      return null;
    }
    if (value['source'] !== undefined) return { kind: 'added', source: value['source'] as string };
    const span = this.#place(value['in'], [...path, 'in']);
    return span && { kind: 'article', ...span };
  }

  /** `value` without `in`/`source`, with the provenance they give. */
  #withProvenance(value: Obj, path: readonly PathKey[]): Obj {
    return { ...omit(value, 'in', 'source'), provenance: this.#provenance(value, path) };
  }

  #entity(value: unknown, i: number): unknown {
    if (!isObj(value)) return value;
    const path = ['entities', i];
    const list = (key: string) => (Array.isArray(value[key]) ? (value[key] as unknown[]) : []);
    const entity = omit(value, 'alsoIn', 'candidate');
    const aliases = list('aliases').map((alias, j) => {
      if (!isObj(alias)) return alias;
      const out = omit(alias, 'in', 'source');
      if (typeof alias['text'] === 'string' && alias['lang'] === undefined) out['lang'] = scriptOf(alias['text']);
      if (alias['in'] !== undefined || alias['source'] !== undefined) out['provenance'] = this.#provenance(alias, [...path, 'aliases', j]);
      return out;
    });
    const summary = isObj(value['summary']) ? value['summary'] : {};
    const evidence = Array.isArray(summary['evidence']) ? summary['evidence'] : [];
    const summaryText = omit(summary, 'evidence');
    return {
      ...entity,
      aliases,
      role: isObj(value['role']) ? this.#withProvenance(value['role'], [...path, 'role']) : (value['role'] ?? null),
      summary: { ...summaryText, provenance: evidence.map((e, k) => this.#provenance(e, [...path, 'summary', 'evidence', k])) },
      mentions: [],
      relations: list('relations').map((r, j) => (isObj(r) ? this.#withProvenance(r, [...path, 'relations', j]) : r)),
      dates: list('dates').map((d, j) => (isObj(d) ? this.#withProvenance(normaliseDate(d), [...path, 'dates', j]) : d)),
      ...(isObj(value['coordinates']) ? { coordinates: this.#withProvenance(value['coordinates'], [...path, 'coordinates']) } : {}),
    };
  }

  #quote(value: unknown, i: number): unknown {
    if (!isObj(value)) return value;
    const { text: words, occurrence, ...quote } = value;
    const at = typeof words === 'string' ? this.#occurrences(words) : [];
    // Words the article has more than once: `occurrence` (from 1) says which.
    const which = occurrence === undefined && at.length === 1 ? 0 : typeof occurrence === 'number' && at.length > 1 ? occurrence - 1 : -1;
    if (at[which] === undefined) {
      this.problem(
        ['quotes', i, occurrence === undefined ? 'text' : 'occurrence'],
        typeof words !== 'string'
          ? 'a quote gives its words as `text`'
          : at.length === 0
            ? `"${shorten(words)}" is not in ${this.#article.file} verbatim`
            : at.length === 1
              ? `"${shorten(words)}" occurs once in ${this.#article.file}: drop occurrence`
              : `"${shorten(words)}" occurs ${at.length} times in ${this.#article.file}: quote more of it, or say which with occurrence: 1 to ${at.length}`,
      );
    }
    const start = at[which] ?? 0;
    return { ...quote, ...(isObj(quote['date']) ? { date: normaliseDate(quote['date']) } : {}), start, end: start + (typeof words === 'string' ? words.length : 0), ar: words };
  }

  /**
   * Each entity's mentions: the sentences where the engine, run with the pack's own names, marks it,
   * and those the source adds (`alsoIn`: sentences that refer to it without a name).
   */
  #addMentions(pack: Pack): void {
    const sources = (Array.isArray(this.source['entities']) ? this.source['entities'] : []) as unknown[];
    let found: Map<string, Set<string>>;
    try {
      found = this.#engineMentions(pack);
    } catch {
      return; // a pack too broken to compile: the validator says why
    }
    pack.entities.forEach((entity, i) => {
      if (!isObj(entity)) return;
      const spans = found.get(entity.id) ?? new Set<string>();
      const also = isObj(sources[i]) && Array.isArray(sources[i]['alsoIn']) ? (sources[i]['alsoIn'] as unknown[]) : [];
      also.forEach((phrase, k) => {
        const span = this.#place(phrase, ['entities', i, 'alsoIn', k]);
        if (!span) return;
        const key = `${span.start},${span.end}`;
        if (spans.has(key)) this.problem(['entities', i, 'alsoIn', k], `the engine already finds ${entity.id} in this sentence: drop it from alsoIn`, 'warning');
        spans.add(key);
      });
      entity.mentions = [...spans].map((key) => key.split(',').map(Number) as [number, number]).sort((a, b) => a[0] - b[0]).map(([start, end]) => ({ start, end }));
      this.#aliasesFound(pack, i, entity.id, spans.size > 0);
    });
  }

  #engineMentions(pack: Pack): Map<string, Set<string>> {
    const matcher = compileMatcher(toMatchData(pack));
    const text = this.#article.text;
    const found = matcher.find(text);
    const out = new Map<string, Set<string>>();
    this.#spelled = new Set();
    for (let k = 0; k < found.length; k++) {
      const span = sentencesAround(this.#article.sentences, found.start(k), found.end(k));
      if (!span) continue;
      const id = found.entity(k);
      if (!out.has(id)) out.set(id, new Set());
      out.get(id)!.add(span.join());
      this.#spelled.add(foldKey(text.slice(found.start(k), found.end(k))));
    }
    return out;
  }

  /** The article folded as the engine folds names, for hasNameAsWords. */
  #folded: string | null = null;

  /** Whether `name` stands as whole words in the article, folded as the engine folds (maybe after proclitics). */
  #occursAsWord(name: string): boolean {
    this.#folded ??= foldString(this.#article.text);
    return hasNameAsWords(this.#folded, name);
  }

  /** The spellings the engine marked in the article (lower-cased, trimmed). */
  #spelled = new Set<string>();

  /**
   * Names in the article's language given with no source must be the article's own: each that the
   * engine never marks there is reported (a misspelling, or a name that needs its `source:`).
   */
  #aliasesFound(pack: Pack, i: number, id: string, anyMention: boolean): void {
    const language = this.#article.language;
    const entity = pack.entities[i]!;
    if (!anyMention) this.problem(['entities', i], `${id}: the engine finds no mention of it in ${this.#article.file}; say where the article refers to it with alsoIn`, 'warning');
    entity.aliases.forEach((alias, j) => {
      if (alias.lang !== language || alias.provenance) return;
      if (!this.#spelled.has(foldKey(alias.text)) && !this.#occursAsWord(alias.text)) {
        this.problem(['entities', i, 'aliases', j], `the alias "${alias.text}" never occurs in ${this.#article.file}: check its spelling, or say where it comes from with source:`, 'warning');
      }
    });
  }
}

/** The fields a source may have, level by level: anything else is a typo the pack would lose. */
const L10N = { ar: null, en: null } as const;
const PROVENANCE = { in: null, source: null } as const;
type Shape = { readonly [key: string]: Shape | readonly [Shape] | null };
const SOURCE_SHAPE: Shape = {
  id: null,
  title: L10N,
  description: L10N,
  article: {
    file: null, translation: null, language: null, title: { ...L10N, ...PROVENANCE }, outlet: L10N, url: null, date: null,
    placeLine: L10N, joinLines: null, sources: [{ name: L10N, entity: null }],
  },
  entities: [
    {
      id: null, type: null, name: L10N, wikidata: null, candidate: null, alsoIn: null,
      aliases: [{ text: null, lang: null, kind: null, ambiguity: null, caseSensitive: null, ...PROVENANCE }],
      cues: { before: null, after: null, against: null },
      role: { ...L10N, ...PROVENANCE },
      summary: { ...L10N, evidence: [PROVENANCE] },
      relations: [{ type: null, target: null, ...PROVENANCE }],
      dates: [{ value: null, precision: null, label: L10N, ...PROVENANCE }],
      coordinates: { lat: null, lon: null, ...PROVENANCE },
    },
  ],
  quotes: [{ id: null, text: null, occurrence: null, speaker: null, audience: null, place: null, via: null, attribution: L10N, indirect: null, date: { value: null, precision: null }, en: null }],
  blockers: [{ text: null, lang: null, reason: L10N, scope: null, entities: null, context: null }],
};

/** Each key of `value` that `shape` does not know, with its path. */
function unknownKeys(value: unknown, shape: Shape | readonly [Shape] | null, path: PathKey[], out: PathKey[][]): PathKey[][] {
  if (shape === null) return out;
  if (Array.isArray(shape)) {
    const [item] = shape as readonly [Shape];
    if (Array.isArray(value)) (value as unknown[]).forEach((v, i) => unknownKeys(v, item, [...path, i], out));
    return out;
  }
  if (!isObj(value)) return out;
  const known = shape as Shape;
  for (const [key, item] of Object.entries(value)) {
    if (!Object.hasOwn(known, key)) out.push([...path, key]);
    else unknownKeys(item, known[key]!, [...path, key], out);
  }
  return out;
}

/** `value` without the keys `keys`. */
function omit(value: Obj, ...keys: string[]): Obj {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

/** A date from YAML (which reads 2025-10-15 as a Date) as the pack's text. */
function normaliseDate(value: Obj): Obj {
  const v = value['value'];
  return v instanceof Date ? { ...value, value: v.toISOString().slice(0, 10) } : typeof v === 'number' ? { ...value, value: String(v) } : value;
}

const foldKey = (text: string) => text.trim().toLowerCase();
const shorten = (text: string) => (text.length > 50 ? `${text.slice(0, 47)}…` : text).replace(/\n/g, '⏎');

/** The source path of a pack error's path (`entities[3].aliases[0].lang` → ['entities', 3, 'aliases', 0, 'lang']). */
function sourcePath(path: string): PathKey[] {
  const out: PathKey[] = [];
  for (const m of path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(`"${m[3]}"`) as string);
  }
  // What the build computed stands for what the source wrote: a summary's provenance for its
  // evidence, a quote's offsets and words for its text; other offsets for the nearest field.
  const at = out.indexOf('provenance');
  if (at > 0 && out[at - 1] === 'summary') out[at] = 'evidence';
  if (out[0] === 'quotes' && out.length === 3 && ['start', 'end', 'ar'].includes(String(out[2]))) out[2] = 'text';
  while (out.length > 0 && ['start', 'end', 'provenance', 'mentions', 'paragraphs'].includes(String(out.at(-1)))) out.pop();
  return out;
}

