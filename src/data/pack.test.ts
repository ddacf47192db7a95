import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import bundled from './packs/sharaa-moscow-2025.json';
import { validatePack } from './validate-pack';
import type { Entity, Pack } from './pack-schema';

// The seed article, kept verbatim in the repository (test/fixtures/seed/README.md says whence).
const SEED = new URL('../../test/fixtures/seed/article.ar.txt', import.meta.url);
const SEED_SHA256 = '195a17fe8ebbc4f852c7f1cc2c5a3bea82fe7910a114187506d7e271e4d6031f';

function loadPack(): Pack {
  const result = validatePack(bundled);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.pack;
}
const pack = loadPack();
const text = pack.article.text;

// An independent, deliberately simple oracle for "this sentence names the entity": the engine's
// real folding lives in src/match; this only has to be right for the article's own spelling.
const fold = (s: string): string =>
  s
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase();
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function nameIn(sentence: string, name: string): boolean {
  const n = fold(name);
  const core = /^[\u0600-\u06FF]/.test(n)
    ? n.startsWith('ال')
      ? `(?:[وف]?[بك]?${escape(n)}|[وف]?ل${escape(n.slice(1))})`
      : `[وف]?[بكل]?${escape(n)}`
    : escape(n).replace(/[-\s]+/g, '[-\\s]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${core}(?![\\p{L}\\p{N}])`, 'u').test(fold(sentence));
}
const namesOf = (entity: Entity): string[] => [entity.name.ar, entity.name.en, ...entity.aliases.map((a) => a.text)];
const sentenceAt = (span: { start: number; end: number }): string => text.slice(span.start, span.end);

describe('the bundled pack', () => {
  it('carries the seed article byte for byte (no newline added at the end)', () => {
    const seed = readFileSync(SEED);
    // The copy is the seed as it was given: a changed copy cannot make a changed pack pass.
    expect(createHash('sha256').update(seed).digest('hex')).toBe(SEED_SHA256);
    expect(text).toBe(seed.toString('utf8'));
    expect(new TextEncoder().encode(text).length).toBe(6752);
  });

  it('has every entity PRODUCT.md names, with the right type', () => {
    const expected: Record<string, [string, Entity['type']]> = {
      'Ahmad al-Sharaa': ['ahmad-al-sharaa', 'person'],
      'Vladimir Putin': ['vladimir-putin', 'person'],
      'Bashar al-Assad': ['bashar-al-assad', 'person'],
      'Asaad al-Shaibani': ['asaad-al-shaibani', 'person'],
      'Murhaf Abu Qasra': ['murhaf-abu-qasra', 'person'],
      'Sergei Lavrov': ['sergei-lavrov', 'person'],
      'Sergei Vershinin': ['sergei-vershinin', 'person'],
      'Kornbienko Oleg Viktorovich': ['oleg-kornbienko', 'person'],
      'Yahya Bitar': ['yahya-bitar', 'person'],
      'Hmeimim air base': ['hmeimim-air-base', 'place'],
      Tartus: ['tartus', 'place'],
      Latakia: ['latakia', 'place'],
      Moscow: ['moscow', 'place'],
      Damascus: ['damascus', 'place'],
      Syria: ['syria', 'place'],
      Russia: ['russia', 'place'],
      Kremlin: ['kremlin', 'organisation'],
      SANA: ['sana', 'organisation'],
      'Al-Ikhbariya': ['al-ikhbariya', 'organisation'],
      Sputnik: ['sputnik', 'organisation'],
      Reuters: ['reuters', 'organisation'],
      AFP: ['afp', 'organisation'],
      'Syrian Ministry of Defence': ['syrian-ministry-of-defence', 'organisation'],
      'the visit': ['sharaa-visit-to-moscow-2025', 'event'],
      'the fall of Assad': ['fall-of-assad', 'event'],
      "Lavrov's statement": ['lavrov-statement-2025-01', 'event'],
      'al-Shaibani and Abu Qasra in Moscow': ['shaibani-abu-qasra-moscow-2025', 'event'],
      'Russian military delegation in Damascus': ['russian-military-delegation-damascus-2025', 'event'],
      "Syria's parliamentary elections": ['syrian-parliamentary-elections-2025', 'event'],
    };
    const byId = new Map(pack.entities.map((e) => [e.id, e]));
    for (const [label, [id, type]] of Object.entries(expected)) {
      expect(byId.get(id)?.type, label).toBe(type);
    }
    expect(pack.entities).toHaveLength(Object.keys(expected).length);
  });

  it('spells the rear admiral as the article does, and keeps both spellings of Syria', () => {
    const admiral = pack.entities.find((e) => e.id === 'oleg-kornbienko');
    expect(admiral?.name.ar).toBe('كورنبينكو أوليغ فيكتوروفيتش');
    expect(text).toContain(admiral?.name.ar);
    const syria = namesOf(pack.entities.find((e) => e.id === 'syria')!);
    expect(syria).toEqual(expect.arrayContaining(['سوريا', 'سورية']));
  });

  it('covers every non-empty paragraph, in order, with a translation', () => {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    expect(pack.article.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(lines);
    for (const p of pack.article.paragraphs) expect(p.en.trim().length).toBeGreaterThan(20);
    const outside = pack.article.paragraphs.reduce((rest, p) => rest.replace(text.slice(p.start, p.end), ''), text);
    expect(outside.trim()).toBe('');
  });

  it('points every article provenance and mention at whole sentences of the text', () => {
    const starts = new Set(pack.article.paragraphs.map((p) => p.start));
    const atBoundary = (start: number, end: number): boolean =>
      (starts.has(start) || /[\s.]/.test(text[start - 1] ?? ' ') || text.slice(start - 2, start) === '- ') &&
      (end === text.length || /[.\s"]/.test(text[end - 1] ?? '') || /\s|#/.test(text[end] ?? ' '));
    const spans: [string, number, number][] = [];
    for (const e of pack.entities) {
      e.mentions.forEach((m, i) => spans.push([`${e.id}.mentions[${i}]`, m.start, m.end]));
      const sources = [e.role?.provenance, ...e.summary.provenance, ...e.relations.map((r) => r.provenance), ...e.dates.map((d) => d.provenance)];
      for (const p of sources) if (p?.kind === 'article') spans.push([e.id, p.start, p.end]);
    }
    expect(spans.length).toBeGreaterThan(pack.entities.length);
    for (const [where, start, end] of spans) {
      expect(atBoundary(start, end), `${where}: ${JSON.stringify(text.slice(start, end))}`).toBe(true);
    }
  });

  it('gives every quote the exact article words at its offsets, inside quotation marks unless reported speech', () => {
    expect(pack.quotes.length).toBeGreaterThan(0);
    for (const q of pack.quotes) {
      expect(text.slice(q.start, q.end)).toBe(q.ar);
      expect(text).toContain(q.ar);
      if (!q.indirect && q.speaker !== 'sana') {
        expect(text[q.start - 1], q.id).toBe('"');
        expect(text[q.end], q.id).toBe('"');
      }
    }
  });

  it('includes every quotation of the article that is speech', () => {
    // Quoted runs that are not speech: names of outlets, and the ministry's repeat of its own list.
    const names = new Set(['الإخبارية', 'سانا', 'سبوتنيك']);
    const quoted = [...text.matchAll(/"([^"]+)"/g)].filter((m) => !names.has(m[1] ?? ''));
    const starts = new Set(pack.quotes.map((q) => q.start));
    expect(quoted.length).toBeGreaterThan(0);
    for (const m of quoted) expect(starts.has((m.index ?? 0) + 1), m[1]).toBe(true);
  });

  it('has unique ids and only references that resolve', () => {
    const ids = pack.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(pack.quotes.map((q) => q.id)).size).toBe(pack.quotes.length);
    const known = new Set(ids);
    expect(pack.entities.flatMap((e) => e.relations).length).toBeGreaterThan(0);
    expect(pack.blockers.length).toBeGreaterThan(0);
    for (const e of pack.entities) for (const r of e.relations) expect(known.has(r.target), `${e.id} → ${r.target}`).toBe(true);
    for (const b of pack.blockers) for (const id of b.entities) expect(known.has(id)).toBe(true);
  });

  it('mentions every entity in the article, by one of its names for people, places and organisations', () => {
    expect(pack.entities.length).toBeGreaterThan(0);
    for (const e of pack.entities) {
      expect(e.mentions.length, e.id).toBeGreaterThan(0);
      if (e.type === 'event') continue;
      const named = e.mentions.filter((m) => namesOf(e).some((n) => nameIn(sentenceAt(m), n)));
      expect(named.length, `${e.id} is named in one of its sentences`).toBeGreaterThan(0);
    }
  });

  it('lists every sentence that names an entity among its mentions', () => {
    const sentences = [...new Map(pack.entities.flatMap((e) => e.mentions).map((m) => [m.start, m])).values()];
    expect(sentences.length).toBeGreaterThan(0);
    for (const e of pack.entities) {
      const listed = new Set(e.mentions.map((m) => m.start));
      for (const s of sentences) {
        if (namesOf(e).some((n) => nameIn(sentenceAt(s), n))) expect(listed.has(s.start), `${e.id} in ${sentenceAt(s).slice(0, 40)}`).toBe(true);
      }
    }
  });

  it('never gives two entities the same name, nor a blocker the text of a name', () => {
    const owner = new Map<string, string>();
    for (const e of pack.entities) {
      for (const n of new Set(namesOf(e).map(fold))) {
        expect(owner.get(n), `"${n}" of ${e.id}`).toBeUndefined();
        owner.set(n, e.id);
      }
    }
    expect(owner.size).toBeGreaterThan(0);
    expect(pack.blockers.length).toBeGreaterThan(0);
    for (const b of pack.blockers) expect(owner.has(fold(b.text)), b.text).toBe(false);
  });

  it('gives every span blocker a name of an entity it blocks, inside its text', () => {
    const spanBlockers = pack.blockers.filter((blocker) => blocker.scope === 'span');
    expect(spanBlockers.length).toBeGreaterThan(0);
    for (const b of spanBlockers) {
      const blocked = pack.entities.filter((e) => b.entities.includes(e.id));
      const inside = blocked.some((e) => namesOf(e).some((n) => nameIn(b.text, n)));
      expect(inside, b.text).toBe(true);
    }
  });

  it('marks the ambiguous names the way the contract expects', () => {
    const alias = (id: string, text: string) => pack.entities.find((e) => e.id === id)?.aliases.find((a) => a.text === text);
    expect(alias('ahmad-al-sharaa', 'الشرع')?.ambiguity).toBe('needs-evidence');
    expect(alias('bashar-al-assad', 'الأسد')?.ambiguity).toBe('needs-evidence');
    expect(alias('bashar-al-assad', 'Assad')?.ambiguity).toBe('unless-blocked');
    expect(alias('al-ikhbariya', 'الإخبارية')?.ambiguity).toBe('needs-evidence');
    expect(alias('yahya-bitar', 'بيطار')?.ambiguity).toBe('needs-evidence');
    expect(alias('sputnik', 'Sputnik')?.ambiguity).toBe('unless-blocked');
    expect(alias('moscow', 'Moscow')?.ambiguity).toBe('unless-blocked');
    expect(alias('damascus', 'Damascus')?.ambiguity).toBe('unless-blocked');
    expect(alias('sana', 'SANA')?.caseSensitive).toBe(true);
    expect(alias('afp', 'AFP')?.caseSensitive).toBe(true);
    expect(pack.blockers.some((b) => b.scope === 'document' && b.text === 'Australian Federal Police' && b.entities.includes('afp'))).toBe(true);
    expect(pack.entities.filter((e) => e.aliases.some((a) => a.ambiguity === 'needs-evidence')).length).toBeGreaterThan(0);
    for (const e of pack.entities) {
      const needsCue = e.aliases.some((a) => a.ambiguity === 'needs-evidence');
      if (needsCue) expect(e.cues?.before?.length ?? 0, `${e.id} has cues`).toBeGreaterThan(0);
    }
  });

  it('repeats a canonical name as an alias only to make it ambiguous or case-sensitive', () => {
    expect(pack.entities.flatMap((e) => e.aliases).length).toBeGreaterThan(0);
    for (const e of pack.entities) {
      const canonical = new Set([fold(e.name.ar), fold(e.name.en)]);
      const seen = new Set<string>();
      for (const a of e.aliases) {
        const folded = fold(a.text);
        expect(seen.has(folded), `${e.id}: duplicate alias ${a.text}`).toBe(false);
        seen.add(folded);
        if (canonical.has(folded)) expect(a.ambiguity ?? a.caseSensitive, `${e.id}: ${a.text}`).toBeDefined();
      }
    }
  });

  it('gives every place coordinates from a named gazetteer, and no other entity any', () => {
    expect(pack.entities.filter((e) => e.type === 'place').length).toBeGreaterThan(0);
    expect(pack.entities.filter((e) => e.type !== 'place').length).toBeGreaterThan(0);
    for (const e of pack.entities) {
      if (e.type !== 'place') {
        expect(e.coordinates).toBeUndefined();
        continue;
      }
      expect(e.coordinates?.provenance.kind, e.id).toBe('added');
    }
    const moscow = pack.entities.find((e) => e.id === 'moscow')?.coordinates;
    expect(moscow?.lat).toBeCloseTo(55.75, 1);
    expect(moscow?.lon).toBeCloseTo(37.62, 1);
  });

  it('dates the events as the article does', () => {
    const date = (id: string) => pack.entities.find((e) => e.id === id)?.dates[0];
    expect(date('sharaa-visit-to-moscow-2025')).toMatchObject({ value: '2025-10-15', precision: 'day' });
    expect(date('fall-of-assad')).toMatchObject({ value: '2024-12-08', precision: 'day' });
    expect(date('lavrov-statement-2025-01')).toMatchObject({ value: '2025-01', precision: 'mid-month' });
    expect(date('shaibani-abu-qasra-moscow-2025')).toMatchObject({ value: '2025-07', precision: 'end-month' });
    expect(date('russian-military-delegation-damascus-2025')).toMatchObject({ value: '2025-10', precision: 'early-month' });
  });
});
