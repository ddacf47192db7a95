import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorPosition } from './json-error-position';

describe('jsonErrorPosition', () => {
  it('finds nothing wrong in any JSON the engine itself writes', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => jsonErrorPosition(JSON.stringify(value, null, 1)) === null));
  });

  it('agrees with JSON.parse about what is broken', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, cut) => {
        const text = JSON.stringify(value);
        const broken = text.slice(0, cut % (text.length + 1));
        let parses = true;
        try {
          JSON.parse(broken);
        } catch {
          parses = false;
        }
        const position = jsonErrorPosition(broken);
        return parses ? position === null : position !== null && position <= broken.length;
      }),
    );
  });

  it('points at the first offending character', () => {
    expect(jsonErrorPosition('{"a": }')).toBe(6);
    expect(jsonErrorPosition('[1, 2,]')).toBe(6);
    expect(jsonErrorPosition('{"a": "\u0001"}')).toBe(7);
    expect(jsonErrorPosition('{"a": 1} x')).toBe(9);
    expect(jsonErrorPosition('')).toBe(0);
  });
});
