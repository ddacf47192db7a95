/** One reason a pack is refused, precise enough to find and fix the field. */
export interface PackError {
  /** Where in the pack, e.g. "entities[3].aliases[0].lang"; "" for the pack as a whole. */
  readonly path: string;
  /** What the field should be. */
  readonly expected: string;
  /** What it is instead, shortened for display. */
  readonly found: string;
  /** A sentence for the pack author. */
  readonly message: string;
}

/** The outcome of checking a pack: the typed pack, or every error found. */
export type PackResult<TPack> =
  | { readonly ok: true; readonly pack: TPack }
  | { readonly ok: false; readonly errors: readonly PackError[] };

/** A path segment: an object key or an array index. */
export type PathKey = string | number;

/** Joins path segments the way JavaScript reads them: `entities[3].aliases[0].lang`. */
export function formatPath(keys: readonly PathKey[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

const MAX_FOUND = 60;

/** A short, display-safe description of a value for the `found` field. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return shorten(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return `a ${typeof value}`;
}

/** Cuts a display string to a readable length. */
export function shorten(text: string): string {
  return text.length > MAX_FOUND ? `${text.slice(0, MAX_FOUND - 1)}…` : text;
}
