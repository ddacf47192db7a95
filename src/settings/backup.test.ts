import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupText, parseBackup, storedPackFrom } from './backup';
import { DEFAULT_SETTINGS, type Settings } from './settings';

const packText = readFileSync('test/fixtures/packs/minimal-valid.json', 'utf8');

describe('backup', () => {
  it('round-trips settings and packs exactly', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, theme: 'dark', disabledSites: ['*.example.com'], enabledPacks: ['sharaa-moscow-2025', 'fixture-minimal'] };
    const stored = storedPackFrom(packText);
    if (!stored.ok) throw new Error('fixture pack refused');
    const packs = { [stored.pack.id]: stored.pack };
    const back = parseBackup(backupText(settings, packs));
    expect(back).toEqual({ ok: true, settings, packs });
  });

  it('refuses a bad file whole, saying why', () => {
    expect(parseBackup('{oops')).toMatchObject({ ok: false, problem: 'not-json' });
    expect(parseBackup('{"format":"other"}')).toMatchObject({ ok: false, problem: 'not-a-backup' });
    expect(parseBackup('{"format":"hashiya-backup","settings":{"theme":"neon"},"packs":[]}')).toEqual({ ok: false, problem: 'bad-settings', detail: 'theme' });
    expect(parseBackup(JSON.stringify({ format: 'hashiya-backup', settings: {}, packs: [packText, '{}'] }))).toEqual({ ok: false, problem: 'bad-pack', detail: 'packs[1]' });
    // One bad list entry is dropped when reading storage, but a backup with one is refused whole.
    expect(parseBackup(JSON.stringify({ format: 'hashiya-backup', settings: { disabledSites: ['a.example', 'bad host'] }, packs: [] }))).toEqual({
      ok: false,
      problem: 'bad-settings',
      detail: 'disabledSites: bad host',
    });
  });

  it('describes a good pack and lists every error of a bad one with its path', () => {
    expect(storedPackFrom(packText)).toMatchObject({ ok: true, pack: { id: 'fixture-minimal', title: { en: 'Test pack' }, entities: expect.any(Number) as number } });
    const bad = storedPackFrom(readFileSync('test/fixtures/packs/duplicate-ids.json', 'utf8'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.every((e) => typeof e.path === 'string' && e.message.length > 0)).toBe(true);
  });
});
