/**
 * The gate every pack passes before Hashiya uses it: the bundled one at build time and in tests,
 * an imported one in the options page. Pure TypeScript (no browser or Node API). A pack with any
 * error is refused whole, and every error is reported so an author can fix them in one round.
 */
import * as v from 'valibot';
import { PACK_FORMAT, PACK_VERSION, PackSchema, type Pack } from './pack-schema';
import { describeValue, formatPath, shorten, type PackError, type PackResult, type PathKey } from './pack-error';
import { checkIntegrity } from './pack-integrity';
import { jsonErrorPosition } from './json-error-position';

export type { PackError, PackResult } from './pack-error';

/** Largest pack accepted, in bytes of UTF-8 JSON text. The bundled pack is 172 KB as committed (115 KB minified). */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;

/** Deepest nesting of arrays and objects accepted. The bundled pack nests 6 deep; every check below recurses. */
export const MAX_PACK_DEPTH = 32;

/** Checks JSON text (size first, then nesting and syntax) and then the pack it holds. */
export function validatePackText(text: string): PackResult<Pack> {
  const bytes = utf8Length(text, MAX_PACK_BYTES);
  if (bytes > MAX_PACK_BYTES) {
    return refuse({
      path: '',
      expected: `at most ${MAX_PACK_BYTES} bytes`,
      found: `more than ${MAX_PACK_BYTES} bytes`,
      message: `the pack is larger than the ${MAX_PACK_BYTES / 1024 / 1024} MB limit`,
    });
  }
  // Before parsing: a file of 100 000 nested arrays would overflow the stack of every recursive
  // check (and of some JSON parsers), and no pack needs it.
  if (nestingDepth(text, MAX_PACK_DEPTH) > MAX_PACK_DEPTH) {
    return refuse({
      path: '',
      expected: `at most ${MAX_PACK_DEPTH} levels of nested arrays and objects`,
      found: `more than ${MAX_PACK_DEPTH} levels`,
      message: `the pack is nested deeper than ${MAX_PACK_DEPTH} levels`,
    });
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return refuse(notJson(text, error));
  }
  return validatePack(input);
}

/** Checks a parsed pack: format, version, shape, safe strings and integrity; returns it typed or every error. */
export function validatePack(input: unknown): PackResult<Pack> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refuse({ path: '', expected: 'a pack object', found: describeValue(input), message: 'a pack is a JSON object' });
  }
  const record = input as Record<string, unknown>;
  // Format and version are checked alone first: for a different format or a newer version the
  // shape errors would only be noise.
  if (record['format'] !== PACK_FORMAT) {
    return refuse({
      path: 'format',
      expected: JSON.stringify(PACK_FORMAT),
      found: describeValue(record['format']),
      message: `this is not a Hashiya pack (format must be "${PACK_FORMAT}")`,
    });
  }
  const version = record['version'];
  if (version !== PACK_VERSION) {
    const newer = typeof version === 'number' && Number.isInteger(version) && version > PACK_VERSION;
    return refuse({
      path: 'version',
      expected: String(PACK_VERSION),
      found: describeValue(version),
      message: newer
        ? `pack version ${version} is newer than this Hashiya understands (${PACK_VERSION})`
        : `pack version ${describeValue(version)} is not one this Hashiya understands (${PACK_VERSION})`,
    });
  }

  const errors: PackError[] = [];
  findUnsafeStrings(input, [], errors);
  const parsed = v.safeParse(PackSchema, input, { abortEarly: false, abortPipeEarly: true });
  if (!parsed.success) {
    for (const issue of parsed.issues) errors.push(fromIssue(issue));
    return { ok: false, errors: dedupe(errors) };
  }
  // Cross-references and offsets can only be read once the shape is known to be right.
  errors.push(...checkIntegrity(parsed.output));
  return errors.length > 0 ? { ok: false, errors: dedupe(errors) } : { ok: true, pack: parsed.output };
}

function refuse(error: PackError): PackResult<Pack> {
  return { ok: false, errors: [error] };
}

function fromIssue(issue: v.BaseIssue<unknown>): PackError {
  const keys: PathKey[] = [];
  for (const item of issue.path ?? []) {
    if (typeof item.key === 'string' || typeof item.key === 'number') keys.push(item.key);
  }
  const found = issue.input === undefined ? 'nothing' : describeValue(issue.input);
  const expected = issue.expected ?? issue.message;
  // valibot reports a missing key as an invalid type with the key as "expected"; say it plainly.
  const missing = issue.input === undefined && issue.kind === 'schema';
  const message = missing ? 'missing field' : issue.message;
  return { path: formatPath(keys), expected, found, message };
}

// A card renders pack strings as text, never as HTML; refusing markup anyway keeps a hostile pack
// from ever reaching a code path that might. Only the article text, and quotes (slices of it), may
// hold line breaks.
const MARKUP = /<[A-Za-z/!?]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F-\u009F]/;

function findUnsafeStrings(value: unknown, keys: PathKey[], errors: PackError[]): void {
  if (typeof value === 'string') {
    const path = formatPath(keys);
    const markup = MARKUP.exec(value);
    if (markup) {
      errors.push({
        path,
        expected: 'plain text without markup',
        found: shorten(JSON.stringify(value.slice(markup.index))),
        message: 'text may not contain HTML markup (<…>)',
      });
    }
    const mayBreak = path === 'article.text' || /^quotes\[\d+\]\.ar$/.test(path);
    const control = (mayBreak ? CONTROL : CONTROL_OR_NEWLINE).exec(value);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      errors.push({
        path,
        expected: mayBreak ? 'text without control characters other than line breaks' : 'text without control characters',
        found: `U+${code} at position ${control.index}`,
        message: `text may not contain the control character U+${code}`,
      });
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => findUnsafeStrings(item, [...keys, index], errors));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) findUnsafeStrings(item, [...keys, key], errors);
  }
}

function notJson(text: string, error: unknown): PackError {
  const reason = error instanceof Error ? error.message : String(error);
  const position = jsonErrorPosition(text) ?? 0;
  return {
    path: '',
    expected: 'JSON text',
    found: describeAt(text, position),
    message: `not JSON (${lineColumn(text, position)}): ${reason}`,
  };
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  return `line ${before.split('\n').length} column ${position - before.lastIndexOf('\n')}, position ${position}`;
}

function describeAt(text: string, position: number): string {
  const excerpt = text.slice(position, position + 20);
  return excerpt === '' ? 'end of text' : JSON.stringify(excerpt);
}

/** How deep arrays and objects nest in JSON text (brackets inside strings not counted), counting no further than just past `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return deepest;
}

/** UTF-8 length of a string, counting no further than just past `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function dedupe(errors: readonly PackError[]): readonly PackError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
