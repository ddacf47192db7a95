import { describe, expect, it } from 'vitest';
import { LISTED, LOCALES, listing, manifestTexts, readJson } from './store-texts';

// What the stores accept, checked in every locale: the manifest's texts (from src/_locales) and the
// store listing (store/<locale>.json). A text over a store's limit fails here, not at upload.
//
// The limits and where they come from:
// - manifest description ≤ 132 characters: Chrome's manifest reference ("no more than 132
//   characters"); the Chrome Web Store refuses a package over it and shows it as the summary.
// - name ≤ 50: addons.mozilla.org's add-on name field holds 50 (the Chrome Web Store takes 75).
// - short_name ≤ 12: Chrome's manifest reference recommends at most 12.
// - summary ≤ 250 and without links: addons.mozilla.org's summary field (max_length 250, a
//   "no URLs" field).
// - detailed description ≤ 15 000: addons.mozilla.org's description field (15 000); the Chrome
//   Web Store's takes 16 000.
// - no store's or browser's brand in the name: addons.mozilla.org refuses "Firefox" and "Mozilla"
//   in names, Chrome's branding guidelines "Chrome" and "Google".
// - single purpose, justifications, remote-code and data-usage answers ≤ 1 000: our own bound, not
//   a store's: the Chrome Web Store's privacy form asks for a short paragraph each.

const LIMITS = { description: 132, name: 50, shortName: 12, summary: 250, detailed: 15_000, answer: 1_000 } as const;
/** The categories the Chrome Web Store's dashboard offers extensions (its taxonomy since 2024), and addons.mozilla.org's category slugs (its categories API). */
const CHROME_CATEGORIES = [
  'Accessibility', 'Art & Design', 'Communication', 'Developer Tools', 'Education', 'Entertainment', 'Functionality & UI',
  'Games', 'Household', 'Just for Fun', 'News & Weather', 'Privacy & Security', 'Shopping', 'Social Networking', 'Tools',
  'Travel', 'Well-being', 'Workflow & Planning',
];
const FIREFOX_CATEGORIES = [
  'alerts-updates', 'appearance', 'bookmarks', 'download-management', 'feeds-news-blogging', 'games-entertainment',
  'language-support', 'photos-music-videos', 'privacy-security', 'search-tools', 'shopping', 'social-communication', 'tabs',
  'web-development', 'other',
];

/** The keys of a listing, nested ones as a.b and array items' keys as a[].b. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => keysOf(item, `${prefix}[]`)))].sort();
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key)).sort();
}

describe('the manifest texts, in every locale', () => {
  it('include English, the default locale', () => {
    expect(LOCALES).toContain((readJson('manifest.json') as { default_locale: string }).default_locale);
  });

  for (const locale of LOCALES) {
    it(`fit the stores' limits in ${locale}`, () => {
      const { name, shortName, description } = manifestTexts(locale);
      expect(name.trim(), 'name').not.toBe('');
      expect(name.length, `name: ${name}`).toBeLessThanOrEqual(LIMITS.name);
      expect(shortName.length, `short_name: ${shortName}`).toBeLessThanOrEqual(LIMITS.shortName);
      expect(description.trim(), 'description').not.toBe('');
      expect(description.length, `description (${description.length} characters): ${description}`).toBeLessThanOrEqual(LIMITS.description);
      expect(name).not.toMatch(/firefox|mozilla|chrome|google/i);
    });
  }
});

describe('the store listing', () => {
  it('is written in every locale of the extension, and only in those', () => {
    expect(LISTED).toEqual(LOCALES);
  });

  it('has every key in every locale', () => {
    const english = keysOf(listing('en'));
    for (const locale of LISTED) expect(keysOf(listing(locale)), locale).toEqual(english);
  });

  it('describes the same screenshots and permissions, in the same categories, in every locale', () => {
    const english = listing('en');
    for (const locale of LISTED) {
      const other = listing(locale);
      expect(other.screenshots.map((s) => s.file), locale).toEqual(english.screenshots.map((s) => s.file));
      expect(other.permissions.map((p) => p.names), locale).toEqual(english.permissions.map((p) => p.names));
      expect(other.category, locale).toEqual(english.category);
    }
  });

  for (const locale of LISTED) {
    describe(locale, () => {
      const text = listing(locale);

      it("names the extension as its manifest does and summarises it with the manifest's description", () => {
        const shown = manifestTexts(locale);
        expect(text.name).toBe(shown.name);
        expect(text.summary).toBe(shown.description);
      });

      it("fits addons.mozilla.org's summary: at most 250 characters and no link", () => {
        expect(text.summary.length).toBeLessThanOrEqual(LIMITS.summary);
        expect(text.summary).not.toMatch(/https?:|www\.|\w\.(com|org|net)\b/i);
      });

      it('has a plain-text detailed description within both stores\' limits', () => {
        const description = text.description.join('\n');
        expect(description.trim().length).toBeGreaterThan(text.summary.length);
        expect(description.length).toBeLessThanOrEqual(LIMITS.detailed);
        expect(description).not.toMatch(/<\/?[a-z][^>]*>/i); // no HTML: the Chrome Web Store shows it as typed
        for (const line of text.description) expect(line, 'one line per item').not.toContain('\n');
      });

      it('picks a category each store offers', () => {
        expect(CHROME_CATEGORIES).toContain(text.category.chrome);
        expect(FIREFOX_CATEGORIES).toContain(text.category.firefox);
      });

      it('answers every question of the privacy form, briefly', () => {
        const answers = [text.singlePurpose, text.remoteCode, text.dataUsage, ...text.permissions.map((p) => p.justification)];
        for (const answer of answers) {
          expect(answer.trim()).not.toBe('');
          expect(answer.length, answer).toBeLessThanOrEqual(LIMITS.answer);
        }
      });

      it('captions every screenshot in one line', () => {
        expect(text.screenshots.length).toBeGreaterThan(0);
        for (const { file, caption } of text.screenshots) {
          expect(file).toMatch(/^[\w-]+\.png$/);
          expect(caption.trim(), file).not.toBe('');
          expect(caption, file).not.toContain('\n');
        }
      });
    });
  }
});
