/**
 * The pack format as JSON Schema, derived from the valibot schema so docs/pack-format.schema.json
 * can never drift from what the validator accepts (a test compares them).
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { PackSchema } from './pack-schema';

/** JSON Schema (draft-07) of the pack's shape; integrity rules are described in docs/pack-format.md. */
export function packJsonSchema(): object {
  return toJsonSchema(PackSchema, { errorMode: 'ignore' });
}
