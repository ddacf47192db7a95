// `npm run --silent annotate -- FILE...`: the matching engine on text files, one JSON object per
// mention per line on stdout (nothing else there), in file order. A file that cannot be read
// (missing, a directory, not UTF-8) gets one line on stderr; the others are still done, and the
// exit status is then 2.
// `npm run --silent annotate -- --explain FILE...`: every candidate instead, marked or not, one line
// each: `FILE:LINE:COL  marked|not marked  "text" → entity [kind] why` (what decided it: a cue, a
// blocker, the other sense's words, the paragraph's or the text's evidence).

import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { Pack } from '../data/pack-schema';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { explain, type Explained } from '../match/explain';
import { compileMatcher, type Matcher } from '../match/matcher';
import { toMatchData } from '../data/match-data';

/** Where the annotator reads and writes; process streams in the CLI, buffers in tests. */
export interface AnnotateIO {
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a chunk to stdout; resolves when the stream can take more. */
  write(chunk: string): Promise<void>;
  error(line: string): void;
}

const FLUSH_AT = 1 << 16;

/** Annotates `files` in order; resolves to the exit status (0, or 2 if any file was unreadable). */
export async function runAnnotate(files: readonly string[], io: AnnotateIO, matcher: Matcher = bundledMatcher(), explaining = false): Promise<number> {
  let status = 0;
  // A BOM stays in the text so offsets count every unit of the file.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (const file of files) {
    let text: string;
    try {
      text = decoder.decode(await io.readFile(file));
    } catch (e) {
      io.error(`annotate: ${file}: ${reason(e)}`);
      status = 2;
      continue;
    }
    let chunk = '';
    if (explaining) {
      for (const c of explain(matcher, text)) chunk += explainLine(file, text, c) + '\n';
      if (chunk !== '') await io.write(chunk);
      continue;
    }
    const found = matcher.find(text);
    for (let k = 0; k < found.length; k++) {
      const start = found.start(k);
      const end = found.end(k);
      const entity = found.entity(k);
      const info = matcher.entity(entity);
      chunk += JSON.stringify({
        file, start, end, text: text.slice(start, end),
        entity, name: info?.name ?? entity, type: info?.type ?? '',
      }) + '\n';
      if (chunk.length >= FLUSH_AT) {
        await io.write(chunk);
        chunk = '';
      }
    }
    if (chunk !== '') await io.write(chunk);
  }
  return status;
}

/** `FILE:LINE:COL  marked|not marked  "text" → entity [kind] why`, LINE and COL from 1, COL in UTF-16 units. */
export function explainLine(file: string, text: string, c: Explained): string {
  const before = text.slice(0, c.start);
  const line = before.split('\n').length;
  const col = c.start - (before.lastIndexOf('\n') + 1) + 1;
  const target = c.ambiguity === 'sense' ? `other-sense word "${c.spelling}"` : c.entity === '' ? `blocker "${c.spelling}"` : `${c.entity} [${c.ambiguity}${c.spelling === c.text ? '' : `, "${c.spelling}"`}]`;
  return `${file}:${line}:${col}  ${c.marked ? 'marked    ' : 'not marked'}  "${c.text}" → ${target}: ${c.why}`;
}

function reason(e: unknown): string {
  if (e instanceof TypeError) return 'not valid UTF-8';
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

function bundledMatcher(): Matcher {
  return compileMatcher(toMatchData(bundled as unknown as Pack));
}

/**
 * The process's streams, with backpressure on stdout: a write that fills the stream's buffer
 * waits for 'drain' (or 'error'), and whichever comes first takes the other listener off, so a
 * long output piped to a slow reader leaves no listener behind.
 */
export function processIO(stdout: Writable = process.stdout): AnnotateIO {
  return {
    readFile: (path) => readFile(path),
    write: (chunk) =>
      new Promise((resolve, reject) => {
        if (stdout.write(chunk)) return resolve();
        const drained = (): void => {
          stdout.off('error', failed);
          resolve();
        };
        const failed = (e: Error): void => {
          stdout.off('drain', drained);
          reject(e);
        };
        stdout.once('drain', drained).once('error', failed);
      }),
    error: (line) => process.stderr.write(line + '\n'),
  };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const args = process.argv.slice(2);
  const explain = args[0] === '--explain';
  const files = explain ? args.slice(1) : args;
  const unknown = files.find((f) => f.startsWith('--'));
  if (files.length === 0 || unknown !== undefined) {
    process.stderr.write(`${unknown !== undefined ? `annotate: unknown option ${unknown}\n` : ''}usage: npm run --silent annotate -- [--explain] FILE...\n`);
    process.exitCode = 2;
  } else {
    process.exitCode = await runAnnotate(files, processIO(), undefined, explain);
  }
}
