import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// What the store-listing tests read: the extension's locales, the store listing written for each
// (store/<locale>.json) and the manifest's texts as a browser shows them in each locale.

export const ROOT = join(import.meta.dirname, '../..');
export const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

/** One locale's store listing (store/<locale>.json; its $comment says what each key is for). */
export interface Listing {
  name: string;
  summary: string;
  /** The detailed description, one line per item. */
  description: string[];
  category: { chrome: string; firefox: string };
  singlePurpose: string;
  permissions: { names: string[]; justification: string }[];
  remoteCode: string;
  dataUsage: string;
  screenshots: { file: string; caption: string }[];
}

/** Every locale of src/_locales. */
export const LOCALES = readdirSync(join(ROOT, 'src/_locales')).sort();
/** Every locale the store listing is written in. */
export const LISTED = readdirSync(join(ROOT, 'store'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();
export const listing = (locale: string) => readJson(`store/${locale}.json`) as Listing;

/** A manifest string as a browser shows it in `locale`: each __MSG_key__ replaced by its message (keys are case-insensitive). */
function resolve(value: string, locale: string): string {
  const messages = readJson(`src/_locales/${locale}/messages.json`) as Record<string, { message: string }>;
  const byKey = new Map(Object.entries(messages).map(([key, entry]) => [key.toLowerCase(), entry.message]));
  return value.replace(/__MSG_(\w+)__/g, (_, key: string) => {
    const message = byKey.get(key.toLowerCase());
    if (message === undefined) throw new Error(`src/_locales/${locale}/messages.json has no ${key}`);
    return message;
  });
}

/** The manifest's name, short name and description as shown in `locale`. */
export function manifestTexts(locale: string): { name: string; shortName: string; description: string } {
  const manifest = readJson('manifest.json') as { name: string; short_name?: string; description: string };
  return {
    name: resolve(manifest.name, locale),
    shortName: resolve(manifest.short_name ?? manifest.name, locale),
    description: resolve(manifest.description, locale),
  };
}
