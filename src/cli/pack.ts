/**
 * `npm run pack -- build SOURCE [-o OUT]`: builds a pack from its authoring source
 * (docs/pack-source.md), computing every offset, and reports with file and line what it could not
 * place. Exit 0 when the pack was written (warnings may have been printed), 1 when the source has
 * errors (nothing is written), 2 when a file cannot be read or written, or the command is wrong.
 *
 * `npm run pack -- init ARTICLE [-o SOURCE]`: writes a starting source for an article: its
 * paragraphs, and the names found in it, each a candidate for the author to keep or drop.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initSource } from '../authoring/pack-init';
import { buildPack } from '../authoring/pack-source';

/** What the CLI needs from the outside world, so tests can run it without files or a console. */
export interface PackIo {
  readonly readText: (file: string) => Promise<string>;
  /** The text of `file`, or undefined when it cannot be read (the source's neighbours). */
  readonly readTextSync: (file: string) => string | undefined;
  readonly writeText: (file: string, text: string) => Promise<void>;
  /** Whether `file` exists (init never overwrites). */
  readonly exists: (file: string) => boolean;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const USAGE = 'usage: pack build SOURCE [-o OUT.json] | pack init ARTICLE [-o SOURCE.yaml]';

export async function runPack(args: readonly string[], io: PackIo): Promise<number> {
  const [command, input, ...rest] = args;
  let output: string | undefined;
  if (rest.length === 2 && (rest[0] === '-o' || rest[0] === '--out')) output = rest[1];
  else if (rest.length > 0) return usage(io);
  if (!input || (command !== 'build' && command !== 'init')) return usage(io);
  return command === 'build' ? build(input, output, io) : init(input, output, io);
}

function usage(io: PackIo): number {
  io.err(USAGE);
  return 2;
}

/** The text of `file`, or null once it has said why it cannot be read. */
async function readOrSay(file: string, io: PackIo): Promise<string | null> {
  try {
    return await io.readText(file);
  } catch (error) {
    io.err(`${file}: cannot read: ${reason(error)}`);
    return null;
  }
}

async function build(source: string, output: string | undefined, io: PackIo): Promise<number> {
  const text = await readOrSay(source, io);
  if (text === null) return 2;
  const dir = dirname(source);
  const built = buildPack(text, source, { read: (path) => io.readTextSync(join(dir, path)) });
  for (const p of built.problems) {
    const file = p.file === source ? source : join(dir, p.file);
    io.err(`${file}:${p.line === 0 ? '' : `${p.line}:`} ${p.severity}: ${p.message}`);
  }
  if (!built.pack) {
    const errors = built.problems.filter((p) => p.severity === 'error').length;
    io.err(`${source}: ${errors} error${errors === 1 ? '' : 's'}; no pack written`);
    return 1;
  }
  const out = output ?? join(dir, `${built.pack.id}.json`);
  try {
    await io.writeText(out, `${JSON.stringify(built.pack, null, 2)}\n`);
  } catch (error) {
    io.err(`${out}: cannot write: ${reason(error)}`);
    return 2;
  }
  const mentions = built.pack.entities.reduce((n, e) => n + e.mentions.length, 0);
  io.out(`${out}: ${built.pack.entities.length} entities, ${built.pack.quotes.length} quotes, ${built.pack.article.paragraphs.length} paragraphs, ${mentions} mentioning sentences`);
  return 0;
}

async function init(article: string, output: string | undefined, io: PackIo): Promise<number> {
  const text = await readOrSay(article, io);
  if (text === null) return 2;
  const stem = basename(article, extname(article)).replace(/\.(ar|en)$/, '');
  const out = output ?? join(dirname(article), `${stem}.pack.yaml`);
  const made = initSource(text, relative(dirname(out), article) || basename(article), stem);
  const written = [[out, made.source] as const, ...(made.translation === null ? [] : [[join(dirname(out), made.translationFile), made.translation] as const])];
  for (const [file] of written) {
    if (io.exists(file)) {
      io.err(`${file}: already there; nothing written (move it away, or give another name with -o)`);
      return 2;
    }
  }
  try {
    for (const [file, content] of written) await io.writeText(file, content);
  } catch (error) {
    io.err(`cannot write: ${reason(error)}`);
    return 2;
  }
  io.out(`${out}: ${made.paragraphs} paragraphs, ${made.candidates} candidate names to keep or drop${made.translation === null ? '' : `; translate ${join(dirname(out), made.translationFile)}`}`);
  return 0;
}

function reason(error: unknown): string {
  if (error instanceof TypeError) return 'not UTF-8 text';
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'ENOENT') return 'no such file';
    if (error.code === 'EISDIR') return 'is a directory';
    if (error.code === 'EACCES') return 'permission denied';
  }
  return error instanceof Error ? error.message : String(error);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const { existsSync } = await import('node:fs');
  process.exitCode = await runPack(process.argv.slice(2), {
    readText: async (file) => decoder.decode(await readFile(file)),
    readTextSync: (file) => {
      try {
        return decoder.decode(readFileSync(file));
      } catch {
        return undefined;
      }
    },
    writeText: (file, text) => writeFile(file, text, 'utf8'),
    exists: (file) => existsSync(file),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
