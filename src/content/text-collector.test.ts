import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BLOCK, hasLetter, locate, splitBlock } from './text-collector';

// One long text (a text node of megabytes) is cut into blocks the sliced read can take one per
// slice: none longer than the limit, nothing lost or doubled, names not cut, and every offset still
// maps back to its node.

const text = (data: string) => ({ data, length: data.length }) as Text;

describe('splitBlock', () => {
  it('cuts a long run at sentence ends into pieces of at most the limit, losing nothing', () => {
    const sentence = 'Vladimir Putin met the Syrian president in Moscow. ';
    const data = sentence.repeat(20_000); // about 1 MB in one text node
    const node = text(data);
    const pieces = splitBlock({ container: {} as Node, nodes: [node], starts: [0], text: data }, 100_000);
    expect(pieces.length).toBeGreaterThanOrEqual(10);
    expect(pieces.map((p) => p.text).join('')).toBe(data);
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(100_000);
      expect(piece.text.startsWith('Vladimir Putin')).toBe(true); // cut after a sentence, never in a name
      expect(piece.nodes).toEqual([node]);
    }
    // An offset in a piece is the same place in the node.
    const third = pieces[2]!;
    const at = third.text.indexOf('Moscow');
    const before = pieces[0]!.text.length + pieces[1]!.text.length;
    expect(locate(third, at)).toEqual({ node, offset: before + at });
  });

  it('keeps each piece to the nodes it covers, with starts relative to it', () => {
    const a = text('x'.repeat(150));
    const b = text('Putin. '.repeat(30));
    const c = text('y'.repeat(100));
    const all = a.data + b.data + c.data;
    const pieces = splitBlock({ container: {} as Node, nodes: [a, b, c], starts: [0, 150, 150 + b.data.length], text: all }, 200);
    expect(pieces.map((p) => p.text).join('')).toBe(all);
    for (const piece of pieces) {
      const first = locate(piece, 0)!;
      const last = locate(piece, piece.text.length, true)!;
      expect(first.node.data.slice(first.offset)).toMatch(new RegExp(`^${piece.text.slice(0, 5).replace(/[.]/g, '\\.')}`));
      expect(last.offset).toBeGreaterThan(0);
    }
  });

  it('maps offsets to nodes without reading their text again (Firefox copies it on every read)', () => {
    const data = 'Then Putin spoke. '.repeat(10);
    const node = {
      length: data.length,
      get data(): string {
        throw new Error('the node\'s text was read again');
      },
    } as unknown as Text;
    const block = { container: {} as Node, nodes: [node], starts: [0], text: data };
    expect(locate(block, 5)).toEqual({ node, offset: 5 });
    expect(locate(block, data.length + 3, true)).toEqual({ node, offset: data.length }); // clamped to the node
  });

  it('leaves blocks up to the limit whole', () => {
    expect(MAX_BLOCK).toBeGreaterThanOrEqual(100_000);
    const data = 'Moscow. '.repeat(100);
    expect(splitBlock({ container: {} as Node, nodes: [text(data)], starts: [0], text: data })).toHaveLength(1);
  });
});

describe('hasLetter', () => {
  it('finds a letter of any script, and none in white space, digits and signs', () => {
    for (const yes of ['a', 'Z', '  \n x', '12 km', 'موسكو', ' ١٢ شارع', 'Ж', 'é', '2025 年']) expect(hasLetter(yes), yes).toBe(true);
    for (const no of ['', ' \n\t ', '12:30', '@[`{~', '٢٠٢٥ – ١٥', '€ 5.00', '\u00a0\u200f']) expect(hasLetter(no), no).toBe(false);
  });

  it('answers as the Unicode letter property does, for any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => hasLetter(text) === /\p{L}/u.test(text)), { numRuns: 2000 });
  });
});
