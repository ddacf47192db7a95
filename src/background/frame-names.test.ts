import { describe, expect, it } from 'vitest';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { toMatchData } from '../data/match-data';
import type { Pack } from '../data/pack-schema';
import { encodeMatcher } from '../match/matcher';
import { BUNDLED_PACK_ID } from '../settings/settings';
import { frameNames } from './frame-names';

// A frame within the page sends its text, blocks one to a line, and gets the engine only if the
// names of the packs in use may be there.

const namesMayBeIn = frameNames(encodeMatcher([toMatchData(bundled as unknown as Pack)]));
const BUNDLED = [BUNDLED_PACK_ID];

describe('frameNames', () => {
  it('says yes where a name of the story is, in Arabic or English, in any spelling it knows', () => {
    expect(namesMayBeIn('Garden chairs, half price.\nVladimir Putin said so.', BUNDLED)).toBe(true);
    expect(namesMayBeIn('وصل الرئيس أحمد الشرع إلى موسكو', BUNDLED)).toBe(true);
    expect(namesMayBeIn('Talks in Damascus resumed.', BUNDLED)).toBe(true);
  });

  it('says no where none is: an advertisement, a word that only contains a name', () => {
    expect(namesMayBeIn('Garden chairs, half price this week only.\nFree delivery', BUNDLED)).toBe(false);
    expect(namesMayBeIn('', BUNDLED)).toBe(false);
    expect(namesMayBeIn('Moscowitz Furniture', BUNDLED)).toBe(false);
  });

  it('says yes whatever the text when other packs are in use (the frame compiles their names), and none', () => {
    expect(namesMayBeIn('Garden chairs', [BUNDLED_PACK_ID, 'my-pack'])).toBe(true);
    expect(namesMayBeIn('Garden chairs', ['my-pack'])).toBe(true);
    expect(namesMayBeIn('Garden chairs', [])).toBe(true);
  });
});
