import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import bundledPack from '../data/packs/sharaa-moscow-2025.json';
import { backupText, parseBackup, storedPackFrom } from './backup';
import type { PackIds } from './pack-import';
import { BUNDLED_PACK_ID, DEFAULT_SETTINGS, type Settings } from './settings';

const bundled: PackIds = { id: BUNDLED_PACK_ID, entityIds: bundledPack.entities.map((e) => e.id) };
const parse = (text: string) => parseBackup(text, bundled);

const packText = readFileSync('test/fixtures/packs/minimal-valid.json', 'utf8');

describe('backup', () => {
  it('round-trips settings and packs exactly', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, theme: 'dark', openMode: 'key', hoverKey: 'alt', disabledSites: ['*.example.com'], enabledPacks: ['sharaa-moscow-2025', 'fixture-minimal'] };
    const stored = storedPackFrom(packText);
    if (!stored.ok) throw new Error('fixture pack refused');
    const packs = { [stored.pack.id]: stored.pack };
    const text = backupText(settings, packs);
    expect(JSON.parse(text)).toMatchObject({ settings: { openMode: 'key', hoverKey: 'alt' } }); // how cards open goes with the rest
    const back = parse(text);
    expect(back).toEqual({ ok: true, settings, packs });
  });

  it('refuses a bad file whole, saying why', () => {
    expect(parse('{oops')).toMatchObject({ ok: false, problem: 'not-json' });
    expect(parse('{"format":"other"}')).toMatchObject({ ok: false, problem: 'not-a-backup' });
    expect(parse('{"format":"hashiya-backup","settings":{"theme":"neon"},"packs":[]}')).toEqual({ ok: false, problem: 'bad-settings', detail: 'theme' });
    expect(parse(JSON.stringify({ format: 'hashiya-backup', settings: {}, packs: [packText, '{}'] }))).toEqual({ ok: false, problem: 'bad-pack', detail: 'packs[1]' });
    // One bad list entry is dropped when reading storage, but a backup with one is refused whole.
    expect(parse(JSON.stringify({ format: 'hashiya-backup', settings: { disabledSites: ['a.example', 'bad host'] }, packs: [] }))).toEqual({
      ok: false,
      problem: 'bad-settings',
      detail: 'disabledSites: bad host',
    });
  });

  it('refuses a file whose packs take ids they do not own; entity ids are each pack\'s own', () => {
    const minimal = JSON.parse(packText) as { id: string; entities: { id: string }[] };
    const file = (...packs: unknown[]) => JSON.stringify({ format: 'hashiya-backup', settings: {}, packs: packs.map((p) => JSON.stringify(p)) });
    // The built-in pack's id, the same pack twice.
    const refused = (detail: string) => ({ ok: false, problem: 'bad-pack', detail: expect.stringMatching(detail) as string });
    expect(parse(file({ ...minimal, id: BUNDLED_PACK_ID }))).toEqual(refused('^packs\\[0\\]: .*built into Hashiya'));
    expect(parse(file(minimal, minimal))).toEqual(refused('^packs\\[1\\]: the pack id "fixture-minimal" comes twice'));
    // A built-in entity id, another pack's entity id: scoped by their packs, they clash with nothing.
    const text = JSON.stringify(minimal).replaceAll('"fixture-putin"', '"vladimir-putin"');
    expect(parse(file(JSON.parse(text)))).toMatchObject({ ok: true });
    expect(parse(file(minimal, { ...minimal, id: 'another-pack' }))).toMatchObject({ ok: true });
  });

  it('describes a good pack and lists every error of a bad one with its path', () => {
    expect(storedPackFrom(packText)).toMatchObject({ ok: true, pack: { id: 'fixture-minimal', title: { en: 'Test pack' }, entities: expect.any(Number) as number } });
    const bad = storedPackFrom(readFileSync('test/fixtures/packs/duplicate-ids.json', 'utf8'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.every((e) => typeof e.path === 'string' && e.message.length > 0)).toBe(true);
  });
});
