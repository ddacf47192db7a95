import { MAX_PACK_BYTES } from '../data/validate-pack';
import { storedPackFrom } from './backup';
import type { StoredPack } from './packs-store';

// What an imported pack may claim. Its entity ids are its own at run time (data/pack-links.ts:
// PACK/ENTITY), so they may be any, even another pack's; its pack id must not be the bundled
// pack's, and a pack with an installed pack's id replaces that pack (the options page asks first).

/** A pack's id and the ids of its entities. */
export interface PackIds {
  readonly id: string;
  readonly entityIds: readonly string[];
}

/** A problem found when importing a pack: a path in the pack and a sentence for the reader. */
export interface ImportProblem {
  readonly path: string;
  readonly message: string;
}

/** The ids of a stored pack (read from its text; [] if the text cannot be read). */
export function packIdsOf(pack: StoredPack): PackIds {
  try {
    const parsed = JSON.parse(pack.text) as { entities?: { id?: unknown }[] };
    const entityIds = (parsed.entities ?? []).flatMap((e) => (typeof e.id === 'string' ? [e.id] : []));
    return { id: pack.id, entityIds };
  } catch {
    return { id: pack.id, entityIds: [] };
  }
}

/**
 * Why `candidate` cannot sit beside `bundled` and the installed packs ([] when it can). A pack with
 * the id of an installed one is not a problem here: it replaces that pack (the options page asks
 * first). Entity ids never clash: each pack's are scoped by its id.
 */
export function packConflicts(candidate: PackIds, bundled: PackIds): ImportProblem[] {
  return candidate.id === bundled.id ? [{ path: 'id', message: `"${candidate.id}" is the id of the pack built into Hashiya; give this pack an id of its own` }] : [];
}

/** What the options page shows of a chosen pack file: a pack to install (maybe replacing one), or why it is refused. */
export interface PackCheck {
  readonly pending: StoredPack | null;
  /** True when `pending` has the id of an installed pack, which it would replace (the reader is asked). */
  readonly replaces: boolean;
  readonly errors: readonly ImportProblem[];
}

export const NO_PACK: PackCheck = { pending: null, replaces: false, errors: [] };

const refused = (message: string): PackCheck => ({ ...NO_PACK, errors: [{ path: '', message }] });

/**
 * Checks a chosen pack file: its size before reading it, then the pack (validatePackText), then
 * its ids against the bundled and the installed packs. Never throws: anything unexpected is a
 * refusal, so a file can never leave an earlier preview installable.
 */
export async function checkPackFile(file: Blob, bundled: PackIds, installed: readonly StoredPack[]): Promise<PackCheck> {
  if (file.size > MAX_PACK_BYTES) return refused(`the file is larger than the ${MAX_PACK_BYTES / 1024 / 1024} MB limit`);
  try {
    const result = storedPackFrom(await file.text());
    if (!result.ok) return { ...NO_PACK, errors: result.errors };
    const problems = packConflicts(result.ids, bundled);
    if (problems.length > 0) return { ...NO_PACK, errors: problems };
    return { pending: result.pack, replaces: installed.some((p) => p.id === result.pack.id), errors: [] };
  } catch (error) {
    return refused(`the file could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}
