import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip, type ZipFile } from './zip';

// `npm run package` writes, beside the store zips, the source archive addons.mozilla.org's
// reviewers rebuild the Firefox add-on from. This packages the work tree's build (dist/, which
// `npm test` builds in its lint step) into a temporary folder, unpacks the source archive into a
// fresh folder, runs `npm ci` and the build there, and checks that the build gives back the store
// zips' files byte for byte. The rebuild runs in another folder, a year later by its clock, in
// another time zone and locale: output that records a path, a time or a locale differs.

const root = join(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const BROWSERS = ['chrome', 'firefox'] as const;
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

/** Preloaded into the rebuild (`node --import`): Date reads 400 days, 7 h 13 min 17 s ahead. */
const SHIFTED_CLOCK = `const RealDate = Date;
const now = () => RealDate.now() + ((400 * 24 + 7) * 60 + 13) * 60_000 + 17_000;
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length > 0 ? args : [now()], newTarget),
  apply: () => new RealDate(now()).toString(),
  get: (target, key) => (key === 'now' ? now : Reflect.get(target, key)),
});
`;

/**
 * The environment for commands in the unpacked folder: this one, less every variable that names
 * this checkout (npm sets INIT_CWD, npm_package_json, npm_config_local_prefix, and puts its
 * node_modules/.bin on PATH; the shell sets PWD), so that the rebuild has the archive alone.
 */
const checkoutPaths = [root, realpathSync(root)];
const freshEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).flatMap(([key, value = '']) => {
    if (key === 'PATH') return [[key, value.split(delimiter).filter((dir) => !checkoutPaths.some((path) => dir === path || dir.startsWith(path + sep))).join(delimiter)]];
    return checkoutPaths.some((path) => value.includes(path)) ? [] : [[key, value]];
  }),
);

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = freshEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`\`${[command, ...args].join(' ')}\` exited with ${code}:\n${(stdout + stderr).slice(-4000)}`));
    });
  });
}

/** Every file under `dir`, by its path relative to it (with /). */
async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(dir, path).split('\\').join('/'), await readFile(path));
    }
  }
  return files;
}

async function unpack(files: Map<string, ZipFile>, dir: string): Promise<void> {
  for (const [name, { data, mode }] of files) {
    if (name.startsWith('/') || name.split('/').includes('..')) throw new Error(`source archive: ${name} would land outside the folder`);
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
    if (mode !== undefined) await chmod(path, mode);
  }
}

/** Where two versions of a file first differ, for the failure message. */
function difference(name: string, expected: Buffer, actual: Buffer): string {
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  const near = (bytes: Buffer) => JSON.stringify(bytes.subarray(Math.max(0, at - 40), at + 40).toString('latin1'));
  return `${name}: differs from byte ${at}: zip ${near(expected)}, rebuilt ${near(actual)}`;
}

describe('the source archive for addons.mozilla.org', () => {
  let tmp = '';
  let rebuildDir = '';
  let packageStderr = '';
  let source = new Map<string, ZipFile>();
  const storeZips = new Map<string, Map<string, ZipFile>>();
  const rebuilt = new Map<string, Map<string, Buffer>>();

  beforeAll(async () => {
    tmp = realpathSync(await mkdtemp(join(tmpdir(), 'hashiya-package-')));
    const artifacts = join(tmp, 'artifacts');
    packageStderr = (await run(process.execPath, ['scripts/package.mjs', '--out', artifacts], root, process.env)).stderr;
    const archive = join(artifacts, `hashiya-source-${version}.zip`);
    if (!existsSync(archive)) throw new Error(`scripts/package.mjs wrote no source archive:\n${packageStderr}`);
    source = readZip(await readFile(archive), 'source archive');
    for (const browser of BROWSERS) {
      storeZips.set(browser, readZip(await readFile(join(artifacts, `hashiya-${browser}-${version}.zip`)), `${browser} zip`));
    }

    rebuildDir = join(tmp, 'rebuild');
    await unpack(source, rebuildDir);
    await run('npm', ['ci', '--no-audit', '--no-fund'], rebuildDir);
    const clock = join(tmp, 'shifted-clock.mjs');
    await writeFile(clock, SHIFTED_CLOCK);
    await run(process.execPath, ['--import', pathToFileURL(clock).href, 'build.mjs', '--quiet'], rebuildDir, {
      ...freshEnv,
      TZ: 'Pacific/Kiritimati',
      LANG: 'ar_EG.UTF-8',
      LC_ALL: 'ar_EG.UTF-8',
    });
    for (const browser of BROWSERS) rebuilt.set(browser, await readTree(join(rebuildDir, 'dist', browser)));
  }, 900_000);

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('holds every tracked file as it is on disk, and BUILD.md, and nothing else', () => {
    const tracked = git('ls-files', '-z').split('\0').filter((name) => name && existsSync(join(root, name)));
    expect([...source.keys()].sort()).toEqual([...tracked, 'BUILD.md'].sort());
    expect([...source.keys()].filter((name) => /^(node_modules|dist|artifacts)\//.test(name))).toEqual([]);
    const differing = tracked.filter((name) => !source.get(name)!.data.equals(readFileSync(join(root, name))));
    expect(differing, 'files whose archived bytes are not those on disk').toEqual([]);
    const executable = (mode: number | undefined) => ((mode ?? 0) & 0o111) !== 0;
    const modes = tracked.filter((name) => executable(source.get(name)!.mode) !== executable(statSync(join(root, name)).mode));
    expect(modes, 'files archived executable when they are not on disk, or the other way').toEqual([]);
  });

  it('is the same bytes for the same files: entries sorted, every one dated at the commit', () => {
    const names = [...source.keys()];
    expect(names).toEqual([...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    const commitTime = Number(git('show', '-s', '--format=%ct', 'HEAD').trim());
    const dates = new Set([...source.values()].map((file) => file.mtime.getTime() / 1000));
    expect([...dates]).toEqual([commitTime - (commitTime % 2)]);
  });

  it('says in BUILD.md how to rebuild it, from which commit, and which files had uncommitted changes', () => {
    const note = source.get('BUILD.md')!.data.toString('utf8');
    expect(note).toContain(git('rev-parse', 'HEAD').trim());
    for (const step of ['npm ci', 'npm run build', 'dist/firefox/', `hashiya-firefox-${version}.zip`]) expect(note).toContain(step);
    const changed = git('diff', '--name-only', '-z', 'HEAD', '--').split('\0').filter(Boolean);
    if (changed.length === 0) {
      expect(note).toContain('no uncommitted changes');
      expect(packageStderr).not.toContain('uncommitted');
    } else {
      for (const name of changed) {
        expect(note).toContain(`- ${name}\n`);
        expect(packageStderr).toContain(name);
      }
    }
  });

  it.each(BROWSERS)('rebuilds from the archive alone, with npm ci and the build, the very files of the %s zip', (browser) => {
    const zip = storeZips.get(browser)!;
    const built = rebuilt.get(browser)!;
    const hint = `dist/${browser} of the rebuild against the ${browser} zip of the work tree's build (run \`npm run build\` first if dist/ is older than the source)`;
    expect([...built.keys()].sort(), hint).toEqual([...zip.keys()].sort());
    const differing = [...zip].filter(([name, file]) => built.has(name) && !file.data.equals(built.get(name)!));
    expect(differing.map(([name, file]) => difference(name, file.data, built.get(name)!)), hint).toEqual([]);
  });

  it('leaves no path of the folder it was built in in either build', () => {
    const named = (files: Map<string, Buffer>, needles: string[]) => [...files].filter(([, data]) => needles.some((needle) => data.includes(needle))).map(([name]) => name);
    for (const browser of BROWSERS) {
      expect(named(rebuilt.get(browser)!, [rebuildDir, basename(tmp)]), `rebuilt dist/${browser}`).toEqual([]);
      const zipped = new Map([...storeZips.get(browser)!].map(([name, file]) => [name, file.data]));
      expect(named(zipped, [root, realpathSync(root)]), `the ${browser} zip`).toEqual([]);
    }
  });
});
