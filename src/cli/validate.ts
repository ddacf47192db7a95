/**
 * `npm run validate -- FILE...`: checks pack files the way the extension will when a reader
 * imports them. Exit 0 when all are valid, 1 when any is invalid, 2 when any cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { validatePackText } from '../data/validate-pack';

/** What the CLI needs from the outside world, so tests can run it without files or a console. */
export interface ValidateIo {
  readonly readBytes: (file: string) => Promise<Uint8Array>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Validates each file, prints one verdict per file (or one line per error), and returns the exit code. */
export async function runValidate(files: readonly string[], io: ValidateIo): Promise<number> {
  if (files.length === 0) {
    io.err('usage: validate FILE...');
    return 2;
  }
  let code = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const file of files) {
    let text: string;
    try {
      text = decoder.decode(await io.readBytes(file));
    } catch (error) {
      io.err(`${file}: cannot read: ${reason(error)}`);
      code = 2;
      continue;
    }
    const result = validatePackText(text);
    if (result.ok) {
      io.out(`${file}: valid (${result.pack.entities.length} entities)`);
      continue;
    }
    for (const error of result.errors) io.out(`${file}: ${error.path === '' ? '' : `${error.path}: `}${error.message}`);
    code = Math.max(code, 1);
  }
  return code;
}

function reason(error: unknown): string {
  if (error instanceof TypeError) return 'not UTF-8 text';
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'ENOENT') return 'no such file';
    if (error.code === 'EISDIR') return 'is a directory';
  }
  return error instanceof Error ? error.message : String(error);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const code = await runValidate(process.argv.slice(2), {
    readBytes: (file) => readFile(file),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exitCode = code;
}
