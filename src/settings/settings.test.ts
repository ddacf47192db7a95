import { describe, expect, it } from 'vitest';
import { migrate, SETTINGS_VERSION, storedVersion } from './migrations';
import { addSiteProblem, DEFAULT_SETTINGS, isActiveOn, isSiteDisabled, settingsFrom, storedFrom, syncQuotaProblem, type Settings } from './settings';
import { normaliseSitePattern, siteMatches, sitePatternProblem } from './site-patterns';

describe('settings', () => {
  it('are the defaults when nothing is stored', () => {
    expect(settingsFrom({})).toEqual({ settings: DEFAULT_SETTINGS, reset: [], dropped: [] });
  });

  it('store only the version and what differs from the defaults, and read back the same', () => {
    expect(storedFrom(DEFAULT_SETTINGS)).toEqual({ version: SETTINGS_VERSION });
    const changed: Settings = {
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      categories: { ...DEFAULT_SETTINGS.categories, place: false },
      marks: { ...DEFAULT_SETTINGS.marks, person: { style: 'wavy', colour: 'blue' } },
      disabledSites: ['*.example.com'],
    };
    const stored = storedFrom(changed);
    expect(stored).toEqual({
      version: SETTINGS_VERSION,
      theme: 'dark',
      categories: { place: false },
      marks: { person: { style: 'wavy', colour: 'blue' } },
      disabledSites: ['*.example.com'],
    });
    expect(settingsFrom(stored)).toEqual({ settings: changed, reset: [], dropped: [] });
  });

  it('reset each invalid value to its default, keep the rest and name what was reset', () => {
    const { settings, reset, dropped } = settingsFrom({
      version: 2,
      enabled: 'yes',
      theme: 'dark',
      hoverDelay: -5,
      textSize: 115,
      cardLanguage: 'fr',
      clickModifier: 'shift',
      categories: { person: false, place: 'no' },
      marks: { place: { style: 'zigzag', colour: 'teal' }, person: { style: 'solid', colour: 'toString' } },
      disabledSites: ['ok.example', 'http://bad/'],
      enabledPacks: ['<script>'],
    });
    expect(reset.sort()).toEqual(
      ['enabled', 'hoverDelay', 'cardLanguage', 'categories.place', 'marks.place', 'marks.person'].sort(),
    );
    expect(dropped).toEqual([
      { key: 'disabledSites', entry: 'http://bad/' },
      { key: 'enabledPacks', entry: '<script>' },
    ]);
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['ok.example'],
      enabledPacks: [],
      theme: 'dark',
      textSize: 115,
      clickModifier: 'shift',
      categories: { ...DEFAULT_SETTINGS.categories, person: false },
    });
  });

  it('read how cards open and the key held for them; a value they do not know is reset and named', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ openMode: 'hover', hoverKey: 'shift' }); // today's behaviour by default
    for (const openMode of ['hover', 'key', 'click'] as const) {
      for (const hoverKey of ['shift', 'alt', 'ctrl'] as const) {
        expect(settingsFrom(storedFrom({ ...DEFAULT_SETTINGS, openMode, hoverKey }))).toEqual({ settings: { ...DEFAULT_SETTINGS, openMode, hoverKey }, reset: [], dropped: [] });
      }
    }
    expect(storedFrom({ ...DEFAULT_SETTINGS, openMode: 'click' })).toEqual({ version: SETTINGS_VERSION, openMode: 'click' });
    const bad = settingsFrom({ version: SETTINGS_VERSION, openMode: 'always', hoverKey: 'meta', theme: 'dark' });
    expect(bad.reset.sort()).toEqual(['hoverKey', 'openMode']);
    expect(bad.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(settingsFrom({ openMode: 'KEY', hoverKey: 1 }).reset.sort()).toEqual(['hoverKey', 'openMode']);
  });

  it('reset a whole group stored as something other than an object', () => {
    expect(settingsFrom({ categories: [true], marks: 'dotted' }).reset).toEqual(['categories', 'marks']);
    expect(settingsFrom({ disabledSites: 'a.example' })).toMatchObject({ reset: ['disabledSites'], settings: { disabledSites: [] } });
  });

  it('check the site list entry by entry: one bad entry is dropped and named, the others are kept', () => {
    const { settings, reset, dropped } = settingsFrom({
      version: SETTINGS_VERSION,
      disabledSites: ['a.example', '[::1]', 'my_host.lan', 'bad host', 7, '*.b.example', 'A.EXAMPLE', null],
    });
    expect(reset).toEqual([]);
    expect(settings.disabledSites).toEqual(['a.example', '[::1]', 'my_host.lan', '*.b.example']);
    expect(dropped).toEqual([
      { key: 'disabledSites', entry: 'bad host' },
      { key: 'disabledSites', entry: '7' },
      { key: 'disabledSites', entry: 'null' },
    ]);
  });

  it('keep the first 500 sites of a longer list and name the ones past the limit', () => {
    const sites = Array.from({ length: 501 }, (_, i) => `s${i}.example`);
    const { settings, reset, dropped } = settingsFrom({ version: SETTINGS_VERSION, disabledSites: sites });
    expect(reset).toEqual([]);
    expect(settings.disabledSites).toEqual(sites.slice(0, 500));
    expect(dropped).toEqual([{ key: 'disabledSites', entry: 's500.example' }]);
  });

  it('check the pack list entry by entry too', () => {
    const { settings, dropped } = settingsFrom({ enabledPacks: ['sharaa-moscow-2025', 'Bad Id', 'other-pack'] });
    expect(settings.enabledPacks).toEqual(['sharaa-moscow-2025', 'other-pack']);
    expect(dropped).toEqual([{ key: 'enabledPacks', entry: 'Bad Id' }]);
  });

  it('keep what they understand of a newer version', () => {
    const { settings } = settingsFrom({ version: SETTINGS_VERSION + 5, theme: 'light', futureThing: 1 });
    expect(settings.theme).toBe('light');
    expect(settings).not.toHaveProperty('futureThing');
  });
});

describe('migrations', () => {
  it('read version 1 (no version key) and normalise its site patterns', () => {
    const v1 = { enabled: false, hoverDelay: 500, disabledSites: ['  News.Example.COM ', ''], categories: { event: false } };
    expect(storedVersion(v1)).toBe(1);
    expect(migrate(v1)).toEqual({ enabled: false, hoverDelay: 500, disabledSites: ['news.example.com'], categories: { event: false } });
    const { settings, reset } = settingsFrom(v1);
    expect(reset).toEqual([]);
    expect(settings).toMatchObject({ enabled: false, hoverDelay: 500, disabledSites: ['news.example.com'], theme: 'auto', cardLanguage: 'auto' });
    expect(isSiteDisabled(settings, 'news.example.com')).toBe(true);
  });

  it('keep the valid v1 site entries when one is not a host, and reduce whole addresses to their host', () => {
    const v1 = { disabledSites: ['good.example', 'https://News.Example.com/path', 'not a host', 'old_style.example'] };
    const { settings, dropped } = settingsFrom(v1);
    expect(settings.disabledSites).toEqual(['good.example', 'news.example.com', 'old_style.example']);
    expect(dropped).toEqual([{ key: 'disabledSites', entry: 'not a host' }]);
  });

  it('leave the current version untouched', () => {
    expect(migrate({ version: SETTINGS_VERSION, disabledSites: ['a.example'] })).toEqual({ disabledSites: ['a.example'] });
  });
});

describe('site patterns', () => {
  it('accept hosts and *.hosts, refuse the rest with a reason', () => {
    expect(sitePatternProblem('example.com')).toBeNull();
    expect(sitePatternProblem(' *.Example.com ')).toBeNull();
    expect(sitePatternProblem('localhost')).toBeNull();
    expect(sitePatternProblem('')).toBe('empty');
    expect(sitePatternProblem('https://example.com/')).toBe('not-a-host');
    expect(sitePatternProblem('news.*.com')).toBe('wildcard-position');
    expect(sitePatternProblem('a<b.com')).toBe('bad-label');
    expect(sitePatternProblem('xn--x')).toBe('bad-label');
    expect(sitePatternProblem('[::1')).toBe('bad-label');
    expect(sitePatternProblem('example.com:8080')).toBe('not-a-host');
    expect(sitePatternProblem('*.[::1]')).toBe('wildcard-position');
  });

  it('accept every host a browser URL parser accepts, in its form', () => {
    for (const host of ['[::1]', '[2001:db8::1]', 'exa_mple.com', '_dmarc.example', '127.0.0.1', '-x.com']) {
      expect(sitePatternProblem(host), host).toBeNull();
      expect(normaliseSitePattern(host)).toBe(new URL(`http://${host}/`).hostname);
    }
    expect(normaliseSitePattern('[0:0::1]')).toBe('[::1]');
    expect(normaliseSitePattern(' Ünï.com. ')).toBe('xn--n-nga1b.com');
    expect(normaliseSitePattern('*.Ünï.com')).toBe('*.xn--n-nga1b.com');
    expect(siteMatches('[0:0::1]', '[::1]')).toBe(true);
    expect(siteMatches('*.my_host.lan', 'a.my_host.lan')).toBe(true);
  });

  it('match a host exactly, or a domain with its subdomains', () => {
    expect(siteMatches('*.example.com', 'example.com')).toBe(true);
    expect(siteMatches('*.example.com', 'news.example.com')).toBe(true);
    expect(siteMatches('*.example.com', 'badexample.com')).toBe(false);
    expect(siteMatches('example.com', 'news.example.com')).toBe(false);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, disabledSites: ['a.test'] }, 'b.test')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'b.test')).toBe(false);
  });
});

describe('the sync quota', () => {
  it('holds every setting at its largest but the lists, and says which list would not fit', () => {
    const long = (i: number) => `${'a'.repeat(50)}-${i}.example.com`;
    const most: Settings = {
      ...DEFAULT_SETTINGS,
      enabled: false,
      hoverDelay: 3000,
      theme: 'dark',
      textSize: 130,
      categories: { person: false, place: false, organisation: false, event: false },
      marks: { person: { style: 'wavy', colour: 'blue' }, place: { style: 'wavy', colour: 'blue' }, organisation: { style: 'wavy', colour: 'blue' }, event: { style: 'wavy', colour: 'blue' } },
      disabledSites: Array.from({ length: 100 }, (_, i) => long(i)),
      enabledPacks: Array.from({ length: 100 }, (_, i) => `imported-pack-number-${i}`),
    };
    expect(syncQuotaProblem(most)).toBeNull();
    // 500 long hosts are allowed by count but not by bytes: the list is the item that would not fit.
    expect(syncQuotaProblem({ ...most, disabledSites: Array.from({ length: 500 }, (_, i) => long(i)) })).toBe('disabledSites');
    // 500 short hosts fit.
    expect(syncQuotaProblem({ ...most, disabledSites: Array.from({ length: 500 }, (_, i) => `s${i}.io`) })).toBeNull();
  });
});

describe('adding a site (options field, popup switch)', () => {
  it('refuses a bad host and a full list with a reason, accepts what the browser accepts', () => {
    expect(addSiteProblem(DEFAULT_SETTINGS, '[::1]')).toBeNull();
    expect(addSiteProblem(DEFAULT_SETTINGS, 'my_host.lan')).toBeNull();
    expect(addSiteProblem(DEFAULT_SETTINGS, 'https://a.example/')).toBe('not-a-host');
    expect(addSiteProblem(DEFAULT_SETTINGS, 'a<b')).toBe('bad-label');
    const full = { ...DEFAULT_SETTINGS, disabledSites: Array.from({ length: 500 }, (_, i) => `s${i}.io`) };
    expect(addSiteProblem(full, 'one-more.example')).toBe('too-many');
    expect(addSiteProblem(full, 's7.io')).toBeNull(); // already there: nothing to add
    const heavy = { ...DEFAULT_SETTINGS, disabledSites: Array.from({ length: 110 }, (_, i) => `${'a'.repeat(60)}-${i}.example.com`) };
    expect(addSiteProblem(heavy, `${'b'.repeat(60)}.example.com`)).toBe('too-many');
  });
});
