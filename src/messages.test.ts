import { describe, expect, it } from 'vitest';
import { MAX_FRAME_TEXT, parseBackgroundMessage, parseContentMessage } from './messages';

describe('parseBackgroundMessage', () => {
  it('accepts well-formed messages', () => {
    expect(parseBackgroundMessage({ type: 'frame-entities', document: 'abcdefghijklmnop', counts: { 'vladimir-putin': 3 } })).toEqual({
      type: 'frame-entities',
      document: 'abcdefghijklmnop',
      counts: { 'vladimir-putin': 3 },
    });
    expect(parseBackgroundMessage({ type: 'get-tab-state', tabId: 7 })).toEqual({ type: 'get-tab-state', tabId: 7 });
    expect(parseBackgroundMessage({ type: 'get-entity', id: 'moscow' })).toEqual({ type: 'get-entity', id: 'moscow' });
    expect(parseBackgroundMessage({ type: 'toggle-hashiya', extra: '<b>' })).toEqual({ type: 'toggle-hashiya' });
    expect(parseBackgroundMessage({ type: 'get-match-tables', extra: 1 })).toEqual({ type: 'get-match-tables' });
  });

  it('refuses junk a compromised frame could send', () => {
    for (const junk of [
      null,
      'frame-entities',
      [],
      { type: 'unknown' },
      { type: 'frame-entities' },
      { type: 'frame-entities', counts: { 'vladimir-putin': 1 } }, // no document token
      { type: 'frame-entities', document: 'short', counts: { 'vladimir-putin': 1 } },
      { type: 'frame-entities', document: 'abcdefghijklmnop', counts: { 'vladimir-putin': -1 } },
      { type: 'frame-entities', document: 'abcdefghijklmnop', counts: { 'vladimir-putin': 1.5 } },
      { type: 'frame-entities', document: 'abcdefghijklmnop', counts: { '<img src=x>': 1 } },
      { type: 'frame-entities', document: 'abcdefghijklmnop', counts: JSON.parse('{"__proto__": 1}') as unknown },
      { type: 'get-tab-state', tabId: '7' },
      { type: 'get-entity', id: '../../etc' },
      { type: 'get-entity', id: 42 },
    ]) {
      expect(parseBackgroundMessage(junk)).toBeNull();
    }
  });
});

describe('get-announcement', () => {
  it('carries a count of names, a whole number from 1', () => {
    expect(parseBackgroundMessage({ type: 'get-announcement', count: 12 })).toEqual({ type: 'get-announcement', count: 12 });
    for (const count of [0, -3, 1.5, '12', null, Number.NaN, 1e9]) expect(parseBackgroundMessage({ type: 'get-announcement', count })).toBeNull();
  });
});

describe('load-engine', () => {
  it('may carry a frame\'s blocks, strings of at most MAX_FRAME_TEXT characters in all', () => {
    expect(parseBackgroundMessage({ type: 'load-engine' })).toEqual({ type: 'load-engine' });
    expect(parseBackgroundMessage({ type: 'load-engine', blocks: ['Talks in Damascus', 'resumed'] })).toEqual({ type: 'load-engine', blocks: ['Talks in Damascus', 'resumed'] });
    expect(parseBackgroundMessage({ type: 'load-engine', blocks: [] })).toEqual({ type: 'load-engine', blocks: [] });
    expect(parseBackgroundMessage({ type: 'load-engine', blocks: ['x'.repeat(MAX_FRAME_TEXT - 1), 'x'] })).not.toBeNull();
    expect(parseBackgroundMessage({ type: 'load-engine', blocks: ['x'.repeat(MAX_FRAME_TEXT), 'x'] })).toBeNull();
    expect(parseBackgroundMessage({ type: 'load-engine', blocks: new Array<string>(MAX_FRAME_TEXT + 1).fill('') })).toBeNull();
    for (const junk of ['Talks in Damascus', ['Damascus', 3], [null], null, { 0: 'Damascus', length: 1 }]) {
      expect(parseBackgroundMessage({ type: 'load-engine', blocks: junk })).toBeNull();
    }
  });
});

describe('step-mentions', () => {
  it('names a tab and a direction, 1 or -1', () => {
    expect(parseBackgroundMessage({ type: 'step-mentions', tabId: 4, direction: 1 })).toEqual({ type: 'step-mentions', tabId: 4, direction: 1 });
    for (const junk of [{ type: 'step-mentions', tabId: 4, direction: 0 }, { type: 'step-mentions', tabId: 'x', direction: 1 }]) expect(parseBackgroundMessage(junk)).toBeNull();
  });
});

describe('copy-text', () => {
  it('carries two strings, of a copy\'s size at most', () => {
    expect(parseBackgroundMessage({ type: 'copy-text', plain: 'a', html: '<p>a</p>', extra: 1 })).toEqual({ type: 'copy-text', plain: 'a', html: '<p>a</p>' });
    for (const junk of [{ type: 'copy-text', plain: 'a' }, { type: 'copy-text', plain: 1, html: '' }, { type: 'copy-text', plain: 'x'.repeat(70_000), html: '' }]) expect(parseBackgroundMessage(junk)).toBeNull();
  });
});

describe('parseContentMessage', () => {
  it('accepts reveal-mention, step-mention, close-card, get-page-read and get-highlight-names, nothing else', () => {
    expect(parseContentMessage({ type: 'step-mention', direction: -1, fromEdge: true })).toEqual({ type: 'step-mention', direction: -1, fromEdge: true });
    expect(parseContentMessage({ type: 'close-card', extra: 1 })).toEqual({ type: 'close-card' });
    for (const junk of [{ type: 'step-mention', direction: 2, fromEdge: false }, { type: 'step-mention', direction: 1 }]) expect(parseContentMessage(junk)).toBeNull();
    expect(parseContentMessage({ type: 'reveal-mention', entity: 'moscow', index: 2 })).toEqual({ type: 'reveal-mention', entity: 'moscow', index: 2 });
    expect(parseContentMessage({ type: 'report-again' })).toBeNull(); // a background never asks every frame again
    expect(parseContentMessage({ type: 'get-highlight-names' })).toEqual({ type: 'get-highlight-names' });
    expect(parseContentMessage({ type: 'get-page-read' })).toEqual({ type: 'get-page-read' });
    for (const junk of [null, { type: 'reveal-mention', entity: 'moscow', index: -1 }, { type: 'reveal-mention', entity: '<x>', index: 0 }, { type: 'toggle-hashiya' }]) {
      expect(parseContentMessage(junk)).toBeNull();
    }
  });
});
