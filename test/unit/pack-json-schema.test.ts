import { readFileSync, writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import { describe, expect, it } from 'vitest';
import { PackSchema } from '../../src/data/pack-schema';

// The pack format as JSON Schema, derived from the valibot schema so docs/pack-format.schema.json
// can never drift from what the validator accepts. Only this test derives it (nothing ships or
// builds it), so the derivation lives here rather than in src/.

const FILE = new URL('../../docs/pack-format.schema.json', import.meta.url);

/** JSON Schema (draft-07) of the pack's shape; integrity rules are described in docs/pack-format.md. */
function packJsonSchema(): object {
  return toJsonSchema(PackSchema, { errorMode: 'ignore' });
}

describe('docs/pack-format.schema.json', () => {
  it('is the JSON Schema of the current pack schema (UPDATE_SCHEMA=1 rewrites it)', () => {
    const current = `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(FILE, current);
    expect(readFileSync(FILE, 'utf8')).toBe(current);
  });

  it('documents every field', () => {
    const undocumented: string[] = [];
    let fields = 0;
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      const properties = record['properties'] as Record<string, Record<string, unknown>> | undefined;
      for (const [key, value] of Object.entries(properties ?? {})) {
        fields++;
        if (!value['description'] && !value['$ref'] && !value['const']) undocumented.push(`${path}.${key}`);
        walk(value, `${path}.${key}`);
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'definitions', '$defs']) {
        const child = record[key];
        if (Array.isArray(child)) child.forEach((c) => walk(c, path));
        else if (child && typeof child === 'object') walk(child, path);
      }
    };
    walk(packJsonSchema(), 'pack');
    expect(fields).toBeGreaterThan(20);
    expect(undocumented).toEqual([]);
  });
});
