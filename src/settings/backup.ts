import { validatePackText } from '../data/validate-pack';
import type { StoredValues } from './migrations';
import { packConflicts, type PackIds } from './pack-import';
import type { StoredPack } from './packs-store';
import { settingsFrom, storedFrom, type Settings } from './settings';

// Export and import of everything the reader set up: the settings and the imported packs, in one
// JSON file. Importing checks the whole file first; a file with any problem changes nothing.

export const BACKUP_FORMAT = 'hashiya-backup';

/** The backup file's text for `settings` and `packs`. */
export function backupText(settings: Settings, packs: Record<string, StoredPack>): string {
  return JSON.stringify({ format: BACKUP_FORMAT, settings: storedFrom(settings), packs: Object.values(packs).map((p) => p.text) }, null, 2);
}

/** Why a backup file was refused (each has an options message). */
export type BackupProblem = 'not-json' | 'not-a-backup' | 'bad-settings' | 'bad-pack';

/** What a backup file holds, or why it is refused (`detail` names the bad setting or pack). */
export type BackupResult =
  | { readonly ok: true; readonly settings: Settings; readonly packs: Record<string, StoredPack> }
  | { readonly ok: false; readonly problem: BackupProblem; readonly detail: string };

/** A stored pack record from a pack's JSON text, or the first error's path and message. */
export function storedPackFrom(
  text: string,
): { ok: true; pack: StoredPack; ids: PackIds } | { ok: false; errors: readonly { path: string; message: string }[] } {
  const result = validatePackText(text);
  if (!result.ok) return { ok: false, errors: result.errors };
  const { pack } = result;
  return {
    ok: true,
    pack: {
      id: pack.id,
      title: pack.title,
      entities: pack.entities.length,
      bytes: new TextEncoder().encode(text).length,
      text,
      story: { title: { ar: pack.article.title.ar, en: pack.article.title.en }, date: pack.article.date, language: pack.article.language ?? 'ar' },
    },
    ids: { id: pack.id, entityIds: pack.entities.map((e) => e.id) },
  };
}

/** Reads a backup file's text; refuses it whole at the first problem. `bundled` names the built-in pack's ids, which no pack may take. */
export function parseBackup(text: string, bundled: PackIds): BackupResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not-json', detail: '' };
  }
  if (typeof data !== 'object' || data === null || (data as StoredValues).format !== BACKUP_FORMAT) {
    return { ok: false, problem: 'not-a-backup', detail: '' };
  }
  const { settings: stored, packs: texts } = data as StoredValues;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored) || !Array.isArray(texts)) {
    return { ok: false, problem: 'not-a-backup', detail: '' };
  }
  const { settings, reset, dropped } = settingsFrom(stored as StoredValues);
  const bad = [...reset, ...dropped.map((d) => `${d.key}: ${d.entry}`)];
  if (bad.length > 0) return { ok: false, problem: 'bad-settings', detail: bad.join(', ') };
  const packs = new Map<string, StoredPack>();
  for (const [i, t] of texts.entries()) {
    const pack = typeof t === 'string' ? storedPackFrom(t) : null;
    // No pack may take the built-in pack's id, or come twice (entity ids are each pack's own).
    if (!pack?.ok) return { ok: false, problem: 'bad-pack', detail: `packs[${i}]` };
    const why = packs.has(pack.pack.id) ? `the pack id "${pack.pack.id}" comes twice` : packConflicts(pack.ids, bundled)[0]?.message;
    if (why !== undefined) return { ok: false, problem: 'bad-pack', detail: `packs[${i}]: ${why}` };
    packs.set(pack.pack.id, pack.pack);
  }
  return { ok: true, settings, packs: Object.fromEntries(packs) };
}
