import { describe, expect, it } from 'vitest';
import { migrate, SETTINGS_VERSION, storedVersion } from './migrations';
import { DEFAULT_SETTINGS, isActiveOn, isSiteDisabled, settingsFrom, storedFrom, type Settings } from './settings';
import { siteMatches, sitePatternProblem } from './site-patterns';

describe('settings', () => {
  it('are the defaults when nothing is stored', () => {
    expect(settingsFrom({})).toEqual({ settings: DEFAULT_SETTINGS, reset: [] });
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
    expect(settingsFrom(stored)).toEqual({ settings: changed, reset: [] });
  });

  it('reset each invalid value to its default, keep the rest and name what was reset', () => {
    const { settings, reset } = settingsFrom({
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
      ['enabled', 'hoverDelay', 'cardLanguage', 'categories.place', 'marks.place', 'marks.person', 'disabledSites', 'enabledPacks'].sort(),
    );
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      textSize: 115,
      clickModifier: 'shift',
      categories: { ...DEFAULT_SETTINGS.categories, person: false },
    });
  });

  it('reset a whole group stored as something other than an object', () => {
    expect(settingsFrom({ categories: [true], marks: 'dotted' }).reset).toEqual(['categories', 'marks']);
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
    expect(sitePatternProblem('exa_mple.com')).toBe('bad-label');
    expect(sitePatternProblem('-x.com')).toBe('bad-label');
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
