import { describe, expect, it } from 'vitest';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { toMatchData } from '../data/match-data';
import type { Pack } from '../data/pack-schema';
import { encodeMatcher } from '../match/matcher';
import { BUNDLED_PACK_ID } from '../settings/settings';
import { frameNames } from './frame-names';

// A frame within the page sends its text, block by block as the engine reads it, and gets the
// engine only if the engine would mark a name of the packs in use there.

const namesMayBeIn = frameNames(encodeMatcher([toMatchData(bundled as unknown as Pack)]));
const BUNDLED = [BUNDLED_PACK_ID];

describe('frameNames', () => {
  it('says yes where a name of the story is, in Arabic or English, in any spelling it knows', () => {
    expect(namesMayBeIn(['Garden chairs, half price.', 'Vladimir Putin said so.'], BUNDLED)).toBe(true);
    expect(namesMayBeIn(['وصل الرئيس أحمد الشرع إلى موسكو'], BUNDLED)).toBe(true);
    expect(namesMayBeIn(['Talks in Damascus resumed.'], BUNDLED)).toBe(true);
  });

  it('says no where none is: an advertisement, a word that only contains a name', () => {
    expect(namesMayBeIn(['Garden chairs, half price this week only.', 'Free delivery'], BUNDLED)).toBe(false);
    expect(namesMayBeIn([], BUNDLED)).toBe(false);
    expect(namesMayBeIn([''], BUNDLED)).toBe(false);
    expect(namesMayBeIn(['Moscowitz Furniture'], BUNDLED)).toBe(false);
  });

  it('says no where every candidate is one the rules turn down, as the engine would', () => {
    // الشرع among the jurists' words is the law, not the president.
    expect(namesMayBeIn(['وقال الفقهاء إن الشرع لا يجيز ذلك'], BUNDLED)).toBe(false);
  });

  it('reads the blocks as one document: evidence in one block decides a name in another', () => {
    // Moscow alone is the city of the story; with Moscow, Idaho elsewhere on the page it is not.
    expect(namesMayBeIn(['Talks in Moscow.'], BUNDLED)).toBe(true);
    expect(namesMayBeIn(['Talks in Moscow.', 'Snow fell in Moscow, Idaho.'], BUNDLED)).toBe(false);
    // The jurists' الشرع, with the president named in full elsewhere on the page.
    expect(namesMayBeIn(['وقال الفقهاء إن الشرع لا يجيز ذلك', 'وصل الرئيس أحمد الشرع إلى موسكو'], BUNDLED)).toBe(true);
  });

  it('says yes whatever the text when other packs are in use (the frame compiles their names), and none', () => {
    expect(namesMayBeIn(['Garden chairs'], [BUNDLED_PACK_ID, 'my-pack'])).toBe(true);
    expect(namesMayBeIn(['Garden chairs'], ['my-pack'])).toBe(true);
    expect(namesMayBeIn(['Garden chairs'], [])).toBe(true);
  });
});
