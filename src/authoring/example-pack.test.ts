import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../data/validate-pack';
import { buildPack, type SourceFiles } from './pack-source';

// The worked example of docs/make-a-pack.md: its committed pack is what its source builds, and the
// facts the guide relies on hold.

const dir = join(import.meta.dirname, '../../docs/examples/damascus-depots');
const files: SourceFiles = {
  read: (path) => {
    try {
      return readFileSync(join(dir, path), 'utf8');
    } catch {
      return undefined;
    }
  },
};
const built = buildPack(readFileSync(join(dir, 'pack.yaml'), 'utf8'), 'pack.yaml', files);
const pack = built.pack!;
const text = readFileSync(join(dir, 'article.ar.txt'), 'utf8');
const entity = (id: string) => pack.entities.find((e) => e.id === id)!;

describe('the worked example (docs/examples/damascus-depots)', () => {
  it('builds with no errors or warnings, into the committed pack', () => {
    expect(built.problems).toEqual([]);
    const committed = JSON.parse(readFileSync(join(dir, 'damascus-depots.json'), 'utf8')) as unknown;
    expect(pack).toEqual(committed);
  });

  it('holds the article verbatim, one paragraph per line, each with its translation', () => {
    expect(pack.article.text).toBe(text);
    expect(pack.article.paragraphs).toHaveLength(7);
    expect(text.slice(pack.article.paragraphs[0]!.start, pack.article.paragraphs[0]!.end)).toMatch(/^دمشق، سوريا \(CNN\) --/);
    expect(pack.article.paragraphs.every((p) => p.en.length > 0 && !p.en.startsWith('TRANSLATE'))).toBe(true);
  });

  it('finds Bashar al-Assad in the sentence of the first paragraph that names him', () => {
    const at = text.indexOf('بشار الأسد');
    const first = pack.article.paragraphs[0]!;
    expect(at).toBeGreaterThanOrEqual(first.start);
    expect(at).toBeLessThan(first.end);
    expect(entity('bashar-al-assad').mentions).toContainEqual({ start: first.start, end: first.end });
  });

  it('finds the People\'s Protection Units by the article\'s misspelling, and the next paragraph by alsoIn', () => {
    const [p4, p5] = [pack.article.paragraphs[3]!, pack.article.paragraphs[4]!];
    expect(text.slice(p4.start, p4.end)).toContain('و"حدات حماية الشعب');
    expect(entity('peoples-protection-units').mentions).toEqual([
      { start: p4.start, end: p4.end },
      { start: p5.start, end: p5.end },
    ]);
  });

  it('leaves the Damascus countryside (ريف دمشق) to its blocker: Damascus is the dateline only', () => {
    const first = pack.article.paragraphs[0]!;
    expect(entity('damascus').mentions).toEqual([{ start: first.start, end: first.end }]);
  });

  it('has quotes that are the article\'s words at their offsets', () => {
    expect(pack.quotes.length).toBeGreaterThan(0);
    for (const quote of pack.quotes) expect(quote.ar).toBe(text.slice(quote.start, quote.end));
    // `occurrence: 1` picks the first ضبط النفس (paragraph 1), not the one inside وبضبط النفس.
    const restraint = pack.quotes.find((q) => q.id === 'coalition-restraint')!;
    expect(restraint.start).toBeLessThan(pack.article.paragraphs[0]!.end);
  });

  it('passes the validator an import runs', () => {
    const checked = validatePack(JSON.parse(JSON.stringify(pack)));
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  });
});
