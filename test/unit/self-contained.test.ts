import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A clone stands alone: everything a test, benchmark, demo or script reads is inside the
// repository, no tracked file names a path of one machine, and the real pages the tests load are
// the unchanged copies that test/corpus/sources.json says they are, with their licences.

const root = join(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);

/** Verbatim third-party pages (checked by hash below) and the lockfile (registry URLs only). */
const notOurs = (file: string): boolean => file.startsWith('test/corpus/pages/') || file === 'package-lock.json';
const BINARY = /\.(png|jpe?g|gif|ico|woff2?|zip)$/;
const ours = tracked.filter((file) => !notOurs(file) && !BINARY.test(file));
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

/** A relative path written in a file that climbs out of its folder, and why it may. */
const MAY_CLIMB_OUT: Readonly<Record<string, string>> = {
  // A hostile entity id that the message check must refuse; it is never read as a path.
  'src/messages.test.ts ../../etc': 'a string under test',
};

interface Found { file: string; line: number; text: string }

/** Every match of `pattern` in our tracked files, but this one, which spells the patterns out. */
function* matches(pattern: RegExp): Generator<Found> {
  for (const file of ours) {
    if (file === 'test/unit/self-contained.test.ts') continue;
    const lines = read(file).split('\n');
    for (const [i, line] of lines.entries()) {
      for (const m of line.matchAll(pattern)) yield { file, line: i + 1, text: m[1] ?? m[0] };
    }
  }
}

describe('a clone that stands alone', () => {
  it('has tracked files to check (git works here)', () => {
    expect(ours.length).toBeGreaterThan(100);
    expect(ours).toContain('test/unit/self-contained.test.ts');
  });

  it('names no absolute path of a machine in any tracked file', () => {
    // Home, work and temporary folders of Linux, macOS and Windows, and file: URLs. Paths of
    // Debian's own packages (/usr/bin/chromium) are where the README says to install them.
    const machinePath = /(?<![\w.:/~-])(\/(?:work|home|root|Users|mnt|srv|opt|var|private|tmp|media)\/[\w.-]+|file:\/\/\/\w|\b[A-Za-z]:\\\\?[\w.-]+)/g;
    const found = [...matches(machinePath)].map((f) => `${f.file}:${f.line}: ${f.text}`);
    expect(found).toEqual([]);
  });

  it('reaches outside the repository root from no tracked file', () => {
    const outside: string[] = [];
    for (const { file, line, text } of matches(/(?<![\w.])((?:\.\.\/)+[\w.@-]*)/g)) {
      const target = resolve(root, dirname(file), text);
      if (!relative(root, target).startsWith('..')) continue;
      if (MAY_CLIMB_OUT[`${file} ${text}`]) continue;
      outside.push(`${file}:${line}: ${text}`);
    }
    // join(base, '..', …) and resolve(base, '..', …) climb one argument at a time: from this
    // file's folder or from the root, they are resolved; from any other base, '..' is refused.
    for (const { file, line, text } of matches(/\b(?:join|resolve)\(\s*[\w.]+\s*(?:,\s*['"`][^'"`]*['"`]\s*)+/g)) {
      const [base = '', ...parts] = text.slice(text.indexOf('(') + 1).split(',').map((part) => part.trim().replace(/^['"`]|['"`]$/g, ''));
      const from = /^(import\.meta\.dirname|__dirname)$/.test(base) ? join(root, dirname(file)) : /^(root|ROOT|PROJECT_ROOT)$/.test(base) ? root : null;
      const climbs = from ? relative(root, resolve(from, ...parts)).startsWith('..') : parts.includes('..');
      if (climbs) outside.push(`${file}:${line}: ${text}`);
    }
    expect(outside).toEqual([]);
  });

  it('knows a path that climbs out when it sees one (the check can fail)', () => {
    const climbs = (file: string, text: string) => relative(root, resolve(root, dirname(file), text)).startsWith('..');
    expect(climbs('test/e2e/harness/server.ts', '../../../../shared/corpus')).toBe(true);
    expect(climbs('test/e2e/harness/extension.ts', '../../../src/messages')).toBe(false);
    expect(climbs('scripts/x.mjs', '..')).toBe(false);
    expect(climbs('scripts/x.mjs', '../..')).toBe(true);
  });
});

interface Source {
  file: string;
  project: string;
  path: string;
  commit: string;
  licence: string;
  licenceFile: string;
  notice?: string;
  bytes: number;
  sha256: string;
}

describe('the real pages the tests load (test/corpus)', () => {
  const corpus = join(root, 'test/corpus');
  const sources = JSON.parse(readFileSync(join(corpus, 'sources.json'), 'utf8')) as Source[];
  const notice = readFileSync(join(corpus, 'NOTICE'), 'utf8');

  it('lists every page with its origin, and every listed page is there, tracked', () => {
    const pages = readdirSync(join(corpus, 'pages')).map((name) => `pages/${name}`).sort();
    expect(sources.map((s) => s.file).sort()).toEqual(pages);
    expect(pages.length).toBe(13);
    for (const page of pages) expect(tracked).toContain(`test/corpus/${page}`);
  });

  it('keeps each page unchanged: the size and SHA-256 of its origin', () => {
    for (const source of sources) {
      const bytes = readFileSync(join(corpus, source.file));
      expect({ file: source.file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({
        file: source.file,
        bytes: source.bytes,
        sha256: source.sha256,
      });
      expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('carries the licence (and NOTICE) of each origin, and a NOTICE that names every page', () => {
    for (const source of sources) {
      expect(existsSync(join(corpus, source.licenceFile)), source.licenceFile).toBe(true);
      if (source.licence === 'Apache-2.0') {
        expect(read(`test/corpus/${source.licenceFile}`)).toContain('Apache License');
        expect(source.notice && read(`test/corpus/${source.notice}`)).toContain('Copyright');
      }
      if (source.licence === 'MIT') expect(read(`test/corpus/${source.licenceFile}`)).toContain('The MIT License');
      expect(notice).toContain(source.project);
      expect(notice).toContain(source.commit);
      expect(notice).toContain(source.file.replace(/^pages\/|\.html$/g, ''));
    }
  });

  it('is what the test server serves at /corpus/', async () => {
    const { CORPUS_DIR } = await import('../e2e/harness/server');
    expect(CORPUS_DIR).toBe(join(corpus, 'pages'));
  });
});
