import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import bundled from './packs/sharaa-moscow-2025.json';
import { MAX_PACK_BYTES, validatePack, validatePackText, type PackError } from './validate-pack';

const FIXTURES = new URL('../../test/fixtures/packs/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** A deep copy of the bundled pack to break on purpose. */
const broken = (): unknown => structuredClone(bundled);
type Node = Record<string, unknown>;
/** Sets the value at a dotted path ("entities.3.aliases.0.lang") of a parsed pack. */
function set(root: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  const parent = keys.reduce((node, key) => node[key] as Node, root as Node);
  parent[last] = value;
}
const get = (root: unknown, path: string): unknown => path.split('.').reduce((node, key) => (node as Node)[key], root);

function errorsOf(input: unknown): readonly PackError[] {
  const result = validatePack(input);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors;
}
const paths = (errors: readonly PackError[]): string[] => errors.map((e) => e.path);

describe('validatePack', () => {
  it('accepts the bundled pack and the minimal fixture', () => {
    expect(validatePack(bundled).ok).toBe(true);
    expect(validatePackText(fixture('minimal-valid.json')).ok).toBe(true);
  });

  it('refuses what is not an object', () => {
    for (const input of [null, 42, 'pack', [bundled]]) expect(paths(errorsOf(input))).toEqual(['']);
  });

  it('refuses another format with one clear error', () => {
    const errors = errorsOf(JSON.parse(fixture('wrong-format.json')));
    expect(errors).toEqual([expect.objectContaining({ path: 'format', found: '"some-other-format"' })]);
    expect(errors[0]?.message).toMatch(/not a Hashiya pack/);
  });

  it('refuses a newer version with one message and no further noise', () => {
    const errors = errorsOf({ ...JSON.parse(fixture('future-version.json')), entities: 'garbage' });
    expect(errors).toEqual([
      { path: 'version', expected: '1', found: '2', message: 'pack version 2 is newer than this Hashiya understands (1)' },
    ]);
    expect(errorsOf({ format: 'hashiya-pack', version: '1' })[0]?.message).toMatch(/not one this Hashiya understands/);
  });

  it('reports every shape error with its precise path, not just the first', () => {
    const errors = errorsOf(JSON.parse(fixture('wrong-schema.json')));
    expect(paths(errors)).toEqual(
      expect.arrayContaining(['article.date', 'entities[0].type', 'entities[0].mentions[0].start', 'entities[1].aliases[0].lang']),
    );
    expect(errors.find((e) => e.path === 'entities[1].aliases[0].lang')).toMatchObject({ found: '"ru"' });
    expect(errors.find((e) => e.path === 'article.date')?.message).toMatch(/missing/);
  });

  it('names the wrong type it found', () => {
    const pack = broken();
    set(pack, 'entities.3.aliases.0.lang', 42);
    set(pack, 'quotes.0.start', 'twelve');
    const errors = errorsOf(pack);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'entities[3].aliases[0].lang', found: '42' }),
        expect.objectContaining({ path: 'quotes[0].start', found: '"twelve"' }),
      ]),
    );
  });

  it('refuses duplicate entity and quote ids, pointing at the second', () => {
    // The renamed entity also leaves the relation to the old id dangling: both are reported.
    expect(paths(errorsOf(JSON.parse(fixture('duplicate-ids.json'))))).toEqual(['entities[1].id', 'entities[0].relations[0].target']);
    const pack = broken();
    set(pack, 'quotes.5.id', get(pack, 'quotes.2.id'));
    const [error] = errorsOf(pack);
    expect(error).toMatchObject({ path: 'quotes[5].id' });
    expect(error?.message).toMatch(/first used at quotes\[2\]/);
  });

  it('refuses references to entities that do not exist', () => {
    expect(paths(errorsOf(JSON.parse(fixture('dangling-relation.json'))))).toEqual(['entities[0].relations[0].target']);
    const pack = broken();
    set(pack, 'quotes.0.speaker', 'nobody');
    set(pack, 'article.sources.1.entity', 'nothing-here');
    set(pack, 'blockers.0.entities', ['no-such-entity']);
    expect(paths(errorsOf(pack))).toEqual(['article.sources[1].entity', 'quotes[0].speaker', 'blockers[0].entities[0]']);
  });

  it('refuses offsets out of range, reversed or empty spans, and quotes that are not the text', () => {
    expect(paths(errorsOf(JSON.parse(fixture('offsets-out-of-range.json'))))).toEqual(['entities[1].mentions[0].end']);
    const pack = broken();
    set(pack, 'entities.0.mentions.0.start', 500);
    set(pack, 'entities.0.mentions.0.end', 400);
    set(pack, 'entities.2.relations.0.provenance.end', 10_000);
    set(pack, 'quotes.1.ar', 'كلام لم يرد في المقالة');
    const errors = errorsOf(pack);
    expect(paths(errors)).toEqual(['entities[0].mentions[0].start', 'entities[2].relations[0].provenance.end', 'quotes[1].ar']);
    expect(errors[0]?.message).toBe('start 500 is after end 400');
  });

  it('refuses markup and control characters wherever they are, with the path', () => {
    const errors = errorsOf(JSON.parse(fixture('markup.json')));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'entities[1].name.en', message: 'text may not contain HTML markup (<…>)' }),
        expect.objectContaining({ path: 'entities[0].summary.en', found: 'U+0007 at position 8' }),
      ]),
    );
    const pack = broken();
    set(pack, 'blockers.4.reason.en', '<script>alert(1)</script>');
    set(pack, 'entities.0.summary.ar', 'سطر\nسطر');
    set(pack, 'article.text', `${bundled.article.text.slice(0, 10)}\u0000${bundled.article.text.slice(11)}`);
    expect(paths(errorsOf(pack))).toEqual(expect.arrayContaining(['blockers[4].reason.en', 'entities[0].summary.ar', 'article.text']));
  });

  it('allows line breaks in the article text and in quotes cut from it', () => {
    expect(bundled.article.text).toContain('\n');
    expect(bundled.quotes.some((q) => q.ar.includes('\n'))).toBe(true);
    expect(validatePack(bundled).ok).toBe(true);
  });

  it('refuses dates that do not exist or do not match their precision', () => {
    const pack = broken();
    set(pack, 'entities.0.dates.0.value', '2025-02-30');
    set(pack, 'quotes.0.date.precision', 'mid-month');
    expect(paths(errorsOf(pack))).toEqual(['entities[0].dates[0].value', 'quotes[0].date.value']);
  });
});

describe('validatePackText', () => {
  it('says "not JSON" with the line, column and position of the fault', () => {
    const truncated = fixture('not-json.json');
    const result = validatePackText(truncated);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: '', expected: 'JSON text', found: 'end of text' });
    expect(result.errors[0]?.message).toMatch(new RegExp(`^not JSON \\(line 8 column 1, position ${truncated.length}\\)`));
    const unexpected = validatePackText('{\n  "format": }');
    expect(unexpected.ok ? '' : unexpected.errors[0]?.message).toMatch(/^not JSON \(line 2 column 13, position 14\)/);
    expect(validatePackText('').ok).toBe(false);
  });

  it('refuses a 10 MB pack before parsing it', () => {
    const padding = 'x'.repeat(10 * 1024 * 1024);
    const huge = JSON.stringify({ ...bundled, padding });
    const result = validatePackText(huge);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ path: '', expected: `at most ${MAX_PACK_BYTES} bytes` })]);
    expect(result.errors[0]?.message).toMatch(/larger than the 5 MB limit/);
  });

  it('counts bytes, not characters: Arabic text weighs two bytes a letter', () => {
    const arabic = 'ش'.repeat(MAX_PACK_BYTES / 2 + 10);
    const result = validatePackText(JSON.stringify({ ...bundled, padding: arabic }));
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(/larger than/);
  });
});

describe('validatePackText against hostile files', () => {
  it('refuses 100 000 nested arrays with one clear error instead of overflowing the stack', () => {
    const deep = `{"format":"hashiya-pack","version":1,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const result = validatePackText(deep);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ path: '', message: 'the pack is nested deeper than 32 levels' })] });
    // Brackets inside strings are text, not nesting.
    const pack = structuredClone(bundled) as Node;
    set(pack, 'article.title.en', '['.repeat(100));
    expect(validatePackText(JSON.stringify(pack)).ok).toBe(true);
  });

  it('refuses an id that names an inherited object property (constructor), and __proto__, cleanly', () => {
    for (const id of ['constructor', '__proto__']) {
      const pack = broken();
      const old = get(pack, 'entities.0.id') as string;
      set(pack, 'entities.0.id', id);
      // Keep references consistent so the id itself is the only problem.
      const text = JSON.stringify(pack).replaceAll(`"${old}"`, `"${id}"`);
      const result = validatePackText(text);
      expect(result.ok, id).toBe(false);
      if (!result.ok) expect(result.errors.some((e) => e.path === 'entities[0].id'), id).toBe(true);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
    const asPackId = validatePackText(JSON.stringify({ ...(bundled as object), id: 'constructor' }));
    expect(asPackId.ok).toBe(false);
    if (!asPackId.ok) expect(asPackId.errors).toEqual([expect.objectContaining({ path: 'id', message: '"constructor" is reserved and cannot be an id' })]);
  });
});
