import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack, type SourceFiles } from './pack-source';

// The authoring source: the bundled pack is built from one, and a broken source is reported where
// its author can fix it.

const root = join(import.meta.dirname, '../..');
const filesBeside = (source: string): SourceFiles => ({
  read: (path) => {
    try {
      return readFileSync(join(dirname(source), path), 'utf8');
    } catch {
      return undefined;
    }
  },
});

describe('the bundled pack', () => {
  it('is what its source builds, offsets and mentions included', () => {
    const source = join(root, 'src/data/packs/sharaa-moscow-2025/pack.yaml');
    const built = buildPack(readFileSync(source, 'utf8'), 'pack.yaml', filesBeside(source));
    expect(built.problems).toEqual([]);
    const committed = JSON.parse(readFileSync(join(root, 'src/data/packs/sharaa-moscow-2025.json'), 'utf8')) as unknown;
    expect(built.pack).toEqual(committed);
  });
});
