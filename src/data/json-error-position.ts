/**
 * Where JSON text first goes wrong. Engines word JSON.parse errors differently and some (V8 for
 * an unexpected token) give no position at all, so a pack author would be left searching a large
 * file; this small scanner finds the offset itself. It only locates, it never builds values.
 */

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** Thrown to unwind the recursive scan at the first syntax error (caught below, never escapes). */
class SyntaxStop extends Error {
  constructor(readonly position: number) {
    super('JSON syntax error');
  }
}

/** Offset of the first JSON syntax error in `text`, or null when the text is valid JSON. */
export function jsonErrorPosition(text: string): number | null {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxStop(i);
  };
  const skip = (): void => {
    while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
  };
  const expect = (char: string): void => {
    if (text[i] !== char) fail();
    i++;
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      if (i >= text.length) fail();
      const code = text.charCodeAt(i);
      if (code === 0x22) break;
      if (code < 0x20) fail();
      if (code === 0x5c) {
        i++;
        const escape = text[i];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (escape === undefined || !'"\\/bfnrt'.includes(escape)) fail();
      }
      i++;
    }
    i++;
  };
  const sticky = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  const value = (depth: number): void => {
    // Deeper than any pack; stops before the call stack does.
    if (depth > 512) fail();
    skip();
    const char = text[i];
    if (char === '"') return string();
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      i++;
      skip();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (close === '}') {
          skip();
          string();
          skip();
          expect(':');
        }
        value(depth + 1);
        skip();
        if (text[i] === close) {
          i++;
          return;
        }
        expect(',');
      }
    }
    if (!sticky(NUMBER) && !sticky(LITERAL)) fail();
  };
  try {
    value(0);
    skip();
    return i === text.length ? null : i;
  } catch (stop) {
    if (stop instanceof SyntaxStop) return stop.position;
    throw stop;
  }
}
