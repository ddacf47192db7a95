import { describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_NAME, parseBackgroundMessage } from '../messages';
import { FOCUS_KEY, HIGHLIGHT_KEYS, styleKey } from '../settings/mark-styles';
import { pageHighlightNames } from './highlight-names';

// A document's highlight names: made up, one per highlight, distinct, and of the shape the
// background accepts; the rules name them and no fixed name.

describe('page highlight names', () => {
  const names = pageHighlightNames();

  it('are one per highlight key, distinct, of the accepted shape, and the same for the whole document', () => {
    expect(names.list).toHaveLength(HIGHLIGHT_KEYS.length);
    expect(new Set(names.list).size).toBe(names.list.length);
    for (const name of names.list) expect(name).toMatch(HIGHLIGHT_NAME);
    expect(pageHighlightNames()).toBe(names);
    expect(names.of(FOCUS_KEY)).toBe(names.list[names.list.length - 1]);
  });

  it('are what the rules style, with nothing that names Hashiya or a style', () => {
    expect(names.css).toContain(`::highlight(${names.of(styleKey('wavy', 'orange'))}) { text-decoration: underline wavy #e8780c;`);
    expect(names.css).toContain(`::highlight(${names.of(FOCUS_KEY)}) { background-color:`);
    const highlighted = [...names.css.matchAll(/::highlight\(([^)]+)\)/g)].map((m) => m[1]);
    expect(highlighted.sort()).toEqual([...names.list].sort());
    expect(names.css).not.toMatch(/hashiya|dotted-|focus/i);
  });

  it('pass the background message check, and a message with any other name does not', () => {
    expect(parseBackgroundMessage({ type: 'style-highlights', names: names.list })).toEqual({ type: 'style-highlights', names: names.list });
    for (const bad of [[...names.list.slice(1), names.list[1]], ['hashiya-focus'], ['a}b{c:d;e'], [...names.list, ...names.list], 'x'])
      expect(parseBackgroundMessage({ type: 'style-highlights', names: bad })).toBeNull();
  });

  it('are made up anew for every document: two documents share no name', async () => {
    for (let i = 0; i < 20; i++) {
      vi.resetModules();
      const other = (await import('./highlight-names')).pageHighlightNames();
      expect(other.list.filter((name) => names.list.includes(name))).toEqual([]);
    }
  });
});
