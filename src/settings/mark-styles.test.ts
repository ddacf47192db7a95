import { describe, expect, it } from 'vitest';
import { COLOURS, HIGHLIGHT_KEYS, highlightCss, UNDERLINE_STYLES } from './mark-styles';

const nameOf = (key: string) => `n-${key}`;

describe('highlightCss', () => {
  it('has one rule per highlight key, each under its own name', () => {
    const rules = highlightCss(nameOf, '').split('\n');
    expect(rules).toHaveLength(UNDERLINE_STYLES.length * Object.keys(COLOURS).length + 1);
    expect(rules.map((rule) => /^::highlight\(n-([a-z-]+)\) \{/.exec(rule)?.[1])).toEqual(HIGHLIGHT_KEYS);
  });

  it('hangs every rule on the root when asked (Chromium), and on no element otherwise', () => {
    const rooted = highlightCss(nameOf, ':root').split('\n');
    expect(rooted.every((rule) => rule.startsWith(':root::highlight(n-'))).toBe(true);
    expect(rooted.map((rule) => rule.slice(':root'.length))).toEqual(highlightCss(nameOf, '').split('\n'));
    // The tests' build is neither browser's: universal rules, which every browser draws.
    expect(highlightCss(nameOf)).toBe(highlightCss(nameOf, ''));
  });
});
