import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from './pack-json-schema';

const FILE = new URL('../../docs/pack-format.schema.json', import.meta.url);

describe('docs/pack-format.schema.json', () => {
  it('is the JSON Schema of the current pack schema (UPDATE_SCHEMA=1 rewrites it)', () => {
    const current = `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(FILE, current);
    expect(readFileSync(FILE, 'utf8')).toBe(current);
  });

  it('documents every field', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      const properties = record['properties'] as Record<string, Record<string, unknown>> | undefined;
      for (const [key, value] of Object.entries(properties ?? {})) {
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
    expect(undocumented).toEqual([]);
  });
});
