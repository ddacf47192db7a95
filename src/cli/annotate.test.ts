import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { processIO, runAnnotate, type AnnotateIO } from './annotate';

interface Line {
  file: string; start: number; end: number; text: string; entity: string; name: string; type: string;
}

/** Real files on disk, output captured. */
function capture(): { io: AnnotateIO; out: () => Line[]; errors: string[] } {
  let stdout = '';
  const errors: string[] = [];
  return {
    io: { readFile: (p) => readFile(p), write: (c) => {
        stdout += c;
        return Promise.resolve();
      }, error: (l) => errors.push(l) },
    out: () => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line),
    errors,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'hashiya-annotate-'));
const ar = join(dir, 'ar.txt');
const en = join(dir, 'en.txt');
const bad = join(dir, 'latin1.txt');
writeFileSync(ar, '\uFEFFوصل الرئيس أحمد الشرع إلى موسكو.');
writeFileSync(en, "Putin's guest, al-Sharaa, left Moscow on Thursday.\nIt was not Moscow, Idaho.\n");
writeFileSync(bad, Buffer.from([0x50, 0x75, 0x74, 0x69, 0x6e, 0xe9, 0x0a]));

describe('annotate CLI', () => {
  it('prints one JSON line per mention, in file order, with exact UTF-16 offsets', async () => {
    const { io, out, errors } = capture();
    expect(await runAnnotate([ar, en], io)).toBe(0);
    expect(errors).toEqual([]);
    const lines = out();
    expect(lines.map((l) => [l.file, l.text, l.entity])).toEqual([
      [ar, 'أحمد الشرع', 'ahmad-al-sharaa'],
      [ar, 'موسكو', 'moscow'],
      [en, 'Putin', 'vladimir-putin'],
      [en, 'al-Sharaa', 'ahmad-al-sharaa'],
      [en, 'Moscow', 'moscow'],
    ]);
    const arText = (await readFile(ar, 'utf8'));
    const first = lines[0]!;
    expect(arText.slice(first.start, first.end)).toBe('أحمد الشرع');
    expect(first).toMatchObject({ name: 'Ahmad al-Sharaa', type: 'person' });
    expect(Object.keys(first)).toEqual(['file', 'start', 'end', 'text', 'entity', 'name', 'type']);
  });

  it('reports unreadable files on stderr, still does the others, and exits 2', async () => {
    const { io, out, errors } = capture();
    const missing = join(dir, 'missing.txt');
    expect(await runAnnotate([missing, dir, bad, en], io)).toBe(2);
    expect(errors).toEqual([
      `annotate: ${missing}: no such file`,
      `annotate: ${dir}: is a directory`,
      `annotate: ${bad}: not valid UTF-8`,
    ]);
    expect(out().map((l) => l.file)).toEqual([en, en, en]);
  });

  it('explains every candidate with --explain: marked or not, where, and what decided it', async () => {
    const lion = join(dir, 'lion.txt');
    writeFileSync(lion, 'التقى بشار الأسد وزير الدفاع.\nوفي حديقة الحيوان زأر الأسد. وحصل الفريق على نصيب الأسد.\n');
    let stdout = '';
    const io: AnnotateIO = { readFile: (p) => readFile(p), write: (c) => ((stdout += c), Promise.resolve()), error: () => {} };
    expect(await runAnnotate([lion, en], io, undefined, true)).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      `${lion}:1:7  marked      "بشار الأسد" → bashar-al-assad [always]: "بشار الأسد" names bashar-al-assad and nothing else`,
      `${lion}:2:5  not marked  "حديقة الحيوان" → other-sense word "حديقة الحيوان": a word of another sense of bashar-al-assad's name: that name in the same sentence is not bashar-al-assad`,
      `${lion}:2:23  not marked  "الأسد" → bashar-al-assad [needs-evidence]: a word of another sense of the name in its sentence (listed above)`,
      `${lion}:2:46  not marked  "نصيب الأسد" → blocker "نصيب الأسد": inside "نصيب الأسد", a phrase that means something else (blocks bashar-al-assad)`,
    ]);
    expect(lines.slice(4).map((l) => l.replace(/^.*?(?: {2})(marked|not marked)\s+("[^"]*").*$/u, '$1 $2'))).toEqual([
      'marked "Putin"', 'marked "al-Sharaa"', 'marked "Moscow"', 'not marked "Moscow, Idaho"',
    ]);
  });

  it('flushes large outputs in chunks', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'Putin met al-Sharaa in Moscow. '.repeat(5000));
    let chunks = 0;
    let lines = 0;
    const io: AnnotateIO = {
      readFile: (p) => readFile(p),
      write: (c) => {
        chunks++;
        lines += c.split('\n').length - 1;
        return Promise.resolve();
      },
      error: () => {},
    };
    expect(await runAnnotate([big], io)).toBe(0);
    expect(lines).toBe(15000);
    expect(chunks).toBeGreaterThan(1);
  });

  it('waits for a slow reader without leaving listeners behind', async () => {
    const big = join(dir, 'slow.txt');
    writeFileSync(big, 'Putin met al-Sharaa in Moscow. '.repeat(5000));
    let received = '';
    // A reader that takes each chunk a tick later: every write fills the buffer and waits for 'drain'.
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        received += chunk.toString();
        setImmediate(done);
      },
    });
    const io = processIO(slow);
    const out: AnnotateIO = { ...io, error: () => {} };
    expect(await runAnnotate([big], out)).toBe(0);
    expect(received.split('\n').length - 1).toBe(15000);
    expect(slow.listenerCount('error')).toBe(0);
    expect(slow.listenerCount('drain')).toBe(0);
  });
});
