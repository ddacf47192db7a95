import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { cardDataFor } from '../data/card-data';
import type { Pack } from '../data/pack-schema';
import pack from '../data/packs/sharaa-moscow-2025.json';
import { readFileSync } from 'node:fs';
import { EntityCard, type EntityCardProps } from './EntityCard';
import { worldOutline } from './world-outline';

const atlas = (scale: string) => JSON.parse(readFileSync(new URL(`../../node_modules/world-atlas/countries-${scale}.json`, import.meta.url), 'utf8')) as Parameters<typeof worldOutline>[0];
const world = worldOutline(atlas('110m'), atlas('50m'));

const t = (key: string, sub?: string | string[]) => (sub ? `${key}(${[sub].flat().join()})` : key);
const noop = () => undefined;

function html(id: string, overrides: Partial<EntityCardProps> = {}, from: Pack = pack as Pack): string {
  const data = cardDataFor(from, id)!;
  return render(<EntityCard data={data} language="en" matched="Putin" world={world} pinned={false} canGoBack={false} onReader={noop} t={t} onRelated={noop} onBack={noop} onPin={noop} onClose={noop} onCopy={() => Promise.resolve(true)} {...overrides} />);
}

describe('EntityCard', () => {
  it('offers a copy of the summary and of each quote, and no voice where the browser has none', () => {
    const out = html('vladimir-putin');
    const data = cardDataFor(pack as Pack, 'vladimir-putin')!;
    expect(out.match(/data-part="copy-summary"/g)).toHaveLength(1);
    expect(out.match(/data-part="copy-quote"/g)).toHaveLength(data.quotes.length);
    expect(out.match(/role="status"/g)).toHaveLength(1 + data.quotes.length);
    expect(out).not.toContain('data-action="speak"');
  });

  it('offers to hear a name only in a language with an offline voice', () => {
    const voices = [
      { lang: 'ar-SA', localService: true, default: false },
      { lang: 'en-US', localService: false, default: true }, // a voice of a remote service: not offered
    ];
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'speechSynthesis');
    Object.defineProperty(globalThis, 'speechSynthesis', { configurable: true, value: { getVoices: () => voices, addEventListener: noop, removeEventListener: noop } });
    try {
      const out = html('vladimir-putin');
      expect(out.match(/data-action="speak"/g)).toHaveLength(1);
      expect(out).toMatch(/data-part="other-name">فلاديمير بوتين<button[^>]*aria-label="cardHearArabic"[^>]*data-lang="ar"/);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'speechSynthesis', saved);
      else delete (globalThis as { speechSynthesis?: unknown }).speechSynthesis;
    }
  });

  it('shows both names with their language and direction, the type, the role and the summary', () => {
    const out = html('vladimir-putin');
    expect(out).toContain('<p class="name" lang="en" dir="ltr" data-part="name">Vladimir Putin</p>');
    expect(out).toContain('lang="ar" dir="rtl" data-part="other-name">فلاديمير بوتين</p>');
    expect(out).toContain('cardType_person');
    expect(out).toContain('<p class="matched" data-part="matched">cardMatched(Putin)</p>');
    expect(out).toContain('data-related="ahmad-al-sharaa"');
  });

  it('leads with Arabic for an Arabic card and shows both summaries for "both"', () => {
    expect(html('vladimir-putin', { language: 'ar' })).toMatch(/<p class="name" lang="ar" dir="rtl"/);
    expect(html('vladimir-putin', { language: 'both' }).match(/data-part="summary"/g)).toHaveLength(2);
  });

  it('quotes each sentence in Arabic with its name marked, and each paragraph translation once', () => {
    const out = html('vladimir-putin');
    const data = cardDataFor(pack as Pack, 'vladimir-putin')!;
    expect(out.match(/data-part="sentence-ar"/g)).toHaveLength(data.sentences.length);
    expect(out.match(/class="translation"/g)).toHaveLength(new Set(data.sentences.map((s) => s.paragraphEn)).size);
    expect(out).toContain('<mark>فلاديمير بوتين</mark>');
    expect(out).not.toContain('س<mark>');
  });

  it('shows the quotes the entity said, then those said to it or naming it: the words, their English, who said them and when', () => {
    const data = cardDataFor(pack as Pack, 'ahmad-al-sharaa')!;
    const out = html('ahmad-al-sharaa');
    const shown = [...out.matchAll(/data-quote="([^"]+)" data-said="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(shown).toEqual(data.quotes.map((q) => [q.id, q.said ? 'by' : 'to-or-of']));
    expect(shown.length).toBeGreaterThan(1);
    const first = data.quotes[0]!;
    expect(out).toContain(`<blockquote lang="ar" dir="rtl">${first.ar}</blockquote>`);
    expect(out).toContain(`<p class="quote-en" lang="en" dir="ltr">${first.en}</p>`);
    expect(out.match(/class="quote-en"/g)).toHaveLength(data.quotes.length);
    // An Arabic card shows the words as the article has them, with no English of their own.
    expect(html('ahmad-al-sharaa', { language: 'ar' })).not.toContain('class="quote-en"');
    // Putin's card: al-Sharaa's words to him, attributed as the article does.
    const putin = html('vladimir-putin');
    expect(putin).toContain('data-quote="sharaa-new-syria" data-said="to-or-of"');
    expect(putin).toContain('Ahmad al-Sharaa, as quoted by Al-Ikhbariya');
  });

  it('draws the map for a place and a Back button only when there is history', () => {
    expect(html('latakia')).toContain('<figure class="map"');
    expect(html('vladimir-putin')).not.toContain('class="map"');
    expect(html('latakia')).toContain('aria-label="cardMapOf(Latakia)"');
    expect(html('latakia')).toMatch(/<circle class="point" cx="[\d.]+" cy="[\d.]+"/);
    // A place with no point: no map, and no empty section where it would be.
    const nowhere = structuredClone(pack) as Pack;
    delete (nowhere.entities.find((e) => e.id === 'latakia') as { coordinates?: unknown }).coordinates;
    expect(html('latakia', {}, nowhere)).not.toContain('class="map"');
    expect(html('latakia', {}, nowhere)).not.toContain('cardMap');
    expect(html('latakia')).not.toContain('data-action="back"');
    expect(html('latakia', { canGoBack: true })).toContain('data-action="back"');
  });

  it('offers only related entities it has a record of, whatever their id (no prototype key counts)', () => {
    const odd = structuredClone(pack) as Pack;
    const putin = odd.entities.find((e) => e.id === 'vladimir-putin')!;
    (putin.relations as { target: string }[]).push({ ...putin.relations[0]!, target: 'constructor' });
    const out = html('vladimir-putin', {}, odd);
    expect(out).toContain('data-related="ahmad-al-sharaa"');
    expect(out).not.toContain('data-related="constructor"');
  });

  it("gives an event its date, place, participants and tellers as buttons to their cards, not again among related names", () => {
    const out = html('sharaa-visit-to-moscow-2025');
    const data = cardDataFor(pack as Pack, 'sharaa-visit-to-moscow-2025')!;
    const row = (part: string) => [...(new RegExp(`data-part="${part}">(.*?)</dd>`).exec(out)?.[1] ?? '').matchAll(/data-related="([^"]+)"/g)].map((m) => m[1]);
    expect(row('event-places')).toEqual(['moscow']);
    expect(row('event-participants')).toEqual(['ahmad-al-sharaa', 'vladimir-putin']);
    expect(row('event-tellers')).toEqual(data.event!.tellers);
    expect(data.event!.tellers).toContain('kremlin');
    expect(out).toMatch(/data-part="event-date"><span class="date">15 October 2025<\/span>/);
    // Shown as the event's facts, so not listed again under related names.
    expect(out.match(/data-related="moscow"/g)).toHaveLength(1);
    expect(html('vladimir-putin')).not.toContain('data-part="event"');
  });

  it("leads from an entity to the events that name it, and from a timeline date to the event of that date", () => {
    const moscow = html('moscow');
    expect(moscow).toContain('data-related="sharaa-visit-to-moscow-2025"');
    expect(moscow).toContain('data-related="shaibani-abu-qasra-moscow-2025"');
    const timeline = [...moscow.matchAll(/data-event="([^"]+)"/g)].map((m) => m[1]);
    expect(timeline).toEqual(['shaibani-abu-qasra-moscow-2025', 'sharaa-visit-to-moscow-2025']);
    // A date of no event stays text.
    expect(html('reuters')).not.toContain('data-event=');
    expect(html('bashar-al-assad')).toContain('data-event="fall-of-assad"');
  });

  it('renders pack strings as text, never as markup', () => {
    const hostile = structuredClone(pack) as Pack;
    const putin = hostile.entities.find((e) => e.id === 'vladimir-putin')!;
    (putin.summary as { en: string }).en = '<img src=x onerror=alert(1)>';
    const out = html('vladimir-putin', {}, hostile);
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)>');
  });
});
