import { describe, expect, it } from 'vitest';
import { judge, KNOWN_WARNINGS, type LintMessage } from '../../scripts/lint-extension.mjs';

// `npm run lint` runs web-ext lint through scripts/lint-extension.mjs, which prints one line when
// only the known, explained warnings are there. It must still fail on anything else.

const known: LintMessage[] = KNOWN_WARNINGS.map(([code, file, message]) => ({ code, file, message, line: 1 }));

describe('the web-ext lint gate', () => {
  it('passes the known warnings, each with a reason', () => {
    expect(judge({ errors: [], notices: [], warnings: known })).toEqual({ problems: [], known });
    for (const [, , , why] of KNOWN_WARNINGS) expect(why.length).toBeGreaterThan(30);
  });

  it('fails on an error or a notice', () => {
    const error = { code: 'MANIFEST_FIELD_INVALID', message: 'bad' };
    expect(judge({ errors: [error], notices: [], warnings: known }).problems).toEqual([error]);
    expect(judge({ errors: [], notices: [error], warnings: [] }).problems).toEqual([error]);
  });

  it('fails on a new warning, also one like a known one in another file', () => {
    const elsewhere = { ...known[0]!, file: 'background.js' };
    expect(judge({ errors: [], notices: [], warnings: [...known, elsewhere] }).problems).toEqual([elsewhere]);
  });

  it('fails on a second occurrence of a known warning in the same file', () => {
    const again = { ...known[0]!, line: 3 };
    expect(judge({ errors: [], notices: [], warnings: [...known, again] }).problems).toEqual([again]);
  });
});
