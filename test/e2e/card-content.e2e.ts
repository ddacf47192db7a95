import { expect, it } from 'vitest';
import { markNames, namesOf } from '../../src/card/card-text';
import { cardDataFor } from '../../src/data/card-data';
import type { Pack } from '../../src/data/pack-schema';
import bundled from '../../src/data/packs/sharaa-moscow-2025.json';
import AR from '../../src/_locales/ar/messages.json';
import EN from '../../src/_locales/en/messages.json';
import { clearStoredSettings, setStoredSettings } from './harness/extension';
import { waitForPageRead } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { CARD, NO_CARD_ASKED_MS, revealCard, type CardRef, THRICE_CLOSE_GRACE_MS, TWICE_CLOSE_GRACE_MS, altClick, cardParts, clickInCard, middle, openCard, rectsOf, scrollAndJudge, shownAfter, waitForCard } from './card-page';

// What the card shows, checked against the pack, and how a reader moves through it: related
// entities and Back, pinning, a tap, travelling into the card, switching between mentions.

const pack = bundled as Pack;
const entity = (id: string) => cardDataFor(pack, id)!;
const relatedOf = (id: string) => [...new Set(entity(id).entity.relations.map((r) => r.target))];
const addedFacts = (id: string) => {
  const e = entity(id).entity;
  const added = (p: { kind: string }) => p.kind === 'added';
  return (e.role && added(e.role.provenance) ? 1 : 0) + (e.summary.provenance.some(added) ? 1 : 0) + e.dates.filter((d) => added(d.provenance)).length;
};

forEachBrowser('hover card content', (browser) => {
  it('shows a person, a place with its map and an organisation as the pack has them', async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), page);

    const [putin] = await rectsOf(page, 'person', 'Putin');
    await page.mouse.click(...middle(putin!));
    await waitForCard(page, 'vladimir-putin');
    const person = await cardParts(page);
    const p = entity('vladimir-putin').entity;
    expect(person).toMatchObject({ role: 'dialog', modal: 'false', label: p.name.en, dir: 'ltr', relatedAreButtons: true });
    expect(person.name).toEqual({ text: p.name.en, lang: 'en', dir: 'ltr' });
    expect(person.other).toEqual({ text: p.name.ar, lang: 'ar', dir: 'rtl' });
    expect(person.summaries).toEqual([p.summary.en]); // an English page: the English summary
    expect(person.sentences).toBe(p.mentions.length);
    // Every spelling of his name in the sentences is marked (some name him only as "the Russian president").
    const names = namesOf(p, 'ar');
    expect(person.marks).toBe(entity('vladimir-putin').sentences.flatMap((s) => markNames(s.ar, names).filter((m) => m.marked)).length);
    expect(person.marks).toBeGreaterThan(5);
    expect(person.related).toEqual(relatedOf('vladimir-putin'));
    expect(person.dates).toBe(p.dates.length);
    expect(person.matched).toContain('Putin');
    expect(person.map.paths).toBe(0);
    // The quotes he said, then those said to him or naming him: the words, their English, who and when.
    const quotes = await page.evaluate((key) => {
      const root = (window as unknown as Record<string, CardRef>)[key]!.root;
      return [...root.querySelectorAll('[data-quote]')].map((q) => ({
        id: q.getAttribute('data-quote'),
        said: q.getAttribute('data-said'),
        words: q.querySelector('blockquote')?.textContent,
        dir: q.querySelector('blockquote')?.getAttribute('dir'),
        en: q.querySelector('.quote-en')?.textContent,
      }));
    }, CARD);
    expect(quotes).toEqual(entity('vladimir-putin').quotes.map((q) => ({ id: q.id, said: q.said ? 'by' : 'to-or-of', words: q.ar, dir: 'rtl', en: q.en })));
    expect(quotes.map((q) => q.said)).toEqual(expect.arrayContaining(['by', 'to-or-of']));

    await page.keyboard.press('Escape'); // the card covers the paragraphs below
    const [khmeimim] = await rectsOf(page, 'place', 'Khmeimim');
    await page.mouse.click(...middle(khmeimim!));
    await waitForCard(page, 'hmeimim-air-base');
    const place = await cardParts(page);
    const h = entity('hmeimim-air-base').entity;
    expect(place.name?.text).toBe(h.name.en);
    expect(place.summaries).toEqual([h.summary.en]);
    expect(place.map.paths).toBeGreaterThan(10);
    expect(place.map.points).toBe(1);
    expect(place.matched).toContain('Khmeimim');
    expect(place.added).toBe(addedFacts('hmeimim-air-base'));

    await page.keyboard.press('Escape');
    const [kremlin] = await rectsOf(page, 'rtl', 'الكرملين');
    await page.mouse.click(...middle(kremlin!));
    await waitForCard(page, 'kremlin');
    const org = await cardParts(page);
    const k = entity('kremlin').entity;
    // An Arabic mention: the card leads in Arabic, right to left.
    expect(org.name).toEqual({ text: k.name.ar, lang: 'ar', dir: 'rtl' });
    expect(org.dir).toBe('rtl');
    expect(org.summaries).toEqual([k.summary.ar]);
    expect(org.related).toEqual(relatedOf('kremlin'));
    expect(org.matched).toContain('الكرملين');
    await page.close();
  });

  it('follows a related entity and comes back; a pinned card stays until closed; a tap opens at once', async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), page);
    const [putin] = await rectsOf(page, 'person', 'Putin');
    await page.mouse.click(...middle(putin!));
    await waitForCard(page, 'vladimir-putin');
    await clickInCard(page, '[data-related="ahmad-al-sharaa"]');
    await waitForCard(page, 'ahmad-al-sharaa');
    expect((await cardParts(page)).name?.text).toBe(entity('ahmad-al-sharaa').entity.name.en);
    await clickInCard(page, '[data-action="back"]');
    await waitForCard(page, 'vladimir-putin');

    await clickInCard(page, '[data-action="pin"]');
    await page.mouse.move(620, 5);
    expect(await shownAfter(page, THRICE_CLOSE_GRACE_MS)).toBe(true); // far past the grace period
    await scrollAndJudge(page, 2000);
    expect(await openCard(page)).not.toBeNull();
    await scrollAndJudge(page, 0); // back to the card, to close it
    await clickInCard(page, '[data-action="close"]');
    await waitForCard(page, null);

    const [kremlin] = await rectsOf(page, 'org', 'Kremlin');
    await page.touch.tap(...middle(kremlin!));
    await waitForCard(page, 'kremlin', 1000);
    await page.close();
  });

  it("gives an event a card of its own: its date, place and people as buttons, reached from the page, a place's card and its timeline", async () => {
    /** The event rows of the open card: the date's text and the entity ids of each row's buttons. */
    const eventRows = () =>
      page.evaluate((key) => {
        const root = (window as unknown as Record<string, CardRef>)[key]!.root;
        const ids = (part: string) => [...root.querySelectorAll(`[data-part="${part}"] button[data-related]`)].map((b) => b.getAttribute('data-related'));
        return { date: root.querySelector('[data-part="event-date"]')?.textContent ?? null, places: ids('event-places'), participants: ids('event-participants'), tellers: ids('event-tellers') };
      }, CARD);
    const expected = (id: string) => {
      const { event, entity: e } = entity(id);
      return { places: event!.places, participants: event!.participants, tellers: event!.tellers, date: e.dates[0]!.value };
    };
    const page = await browser().open('/fixtures/events.html');
    await waitForPageRead(browser(), page);
    // On the page: the event's own name opens its card.
    const [visit] = await rectsOf(page, 'visit', "Al-Sharaa's first visit to Moscow");
    await page.mouse.click(...middle(visit!));
    await waitForCard(page, 'sharaa-visit-to-moscow-2025');
    const shown = await eventRows();
    const want = expected('sharaa-visit-to-moscow-2025');
    expect(shown).toEqual({ date: '15 October 2025', places: want.places, participants: want.participants, tellers: want.tellers });
    expect(want.date).toBe('2025-10-15');
    expect(shown.places).toEqual(['moscow']);
    expect(shown.participants).toEqual(['ahmad-al-sharaa', 'vladimir-putin']);
    // Its place, a button, leads to the place's card; that card leads back to its events, from its
    // related names and from its timeline.
    await clickInCard(page, '[data-part="event-places"] [data-related="moscow"]');
    await waitForCard(page, 'moscow');
    const moscow = await cardParts(page);
    expect(moscow.related).toEqual([...new Set([...relatedOf('moscow'), ...entity('moscow').events])]);
    expect(moscow.related).toEqual(expect.arrayContaining(['sharaa-visit-to-moscow-2025', 'shaibani-abu-qasra-moscow-2025']));
    await clickInCard(page, '.timeline [data-event="shaibani-abu-qasra-moscow-2025"]');
    await waitForCard(page, 'shaibani-abu-qasra-moscow-2025');
    const ministers = await eventRows();
    expect(ministers.participants).toEqual(expected('shaibani-abu-qasra-moscow-2025').participants);
    expect(ministers.participants).toEqual(['asaad-al-shaibani', 'murhaf-abu-qasra']);
    expect(ministers.date).toMatch(/^end of July 2025$/i);
    await clickInCard(page, '[data-part="event-participants"] [data-related="murhaf-abu-qasra"]');
    await waitForCard(page, 'murhaf-abu-qasra');
    await clickInCard(page, '[data-action="back"]');
    await waitForCard(page, 'shaibani-abu-qasra-moscow-2025');
    await page.close();
  });

  it('keeps the card while the pointer travels into it, switches between mentions without closing', async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), page);
    const [putin] = await rectsOf(page, 'person', 'Putin');
    const [x, y] = middle(putin!);
    await page.mouse.move(x, y);
    await waitForCard(page, 'vladimir-putin');
    await revealCard(page);
    await page.evaluate((key) => {
      const { host } = (window as unknown as Record<string, CardRef>)[key]!;
      (window as unknown as { closes: number }).closes = 0;
      host.addEventListener('toggle', (e) => {
        if ((e).newState === 'closed') (window as unknown as { closes: number }).closes++;
      });
    }, CARD);
    const box = (await openCard(page))!.box;
    const target = { x: box.left + 40, y: box.top + 30 };
    for (let i = 1; i <= 5; i++) await page.mouse.move(x + ((target.x - x) * i) / 5, y + ((target.y - y) * i) / 5); // through the gap
    expect(await shownAfter(page, TWICE_CLOSE_GRACE_MS)).toBe(true);
    expect((await openCard(page))!.entity).toBe('vladimir-putin');

    // The Arabic line's name stands clear of the card (which covers the lines below Putin's, left).
    const [kremlin] = await rectsOf(page, 'rtl', 'الكرملين');
    await page.mouse.move(...middle(putin!));
    await page.mouse.move(...middle(kremlin!));
    await waitForCard(page, 'kremlin', 1000);
    expect(await page.evaluate(() => (window as unknown as { closes: number }).closes)).toBe(0);
    await page.close();
  });

  it("speaks the card language the reader chose in its own words (type, buttons), the browser's otherwise", async () => {
    // The browsers here are in English: an Arabic card's words are the Arabic messages.
    const words = async () => {
      await revealCard(page!);
      return page!.evaluate((key) => {
        const root = (window as unknown as Record<string, CardRef>)[key]!.root;
        return {
          kind: root.querySelector('[data-part="kind"]')?.firstChild?.textContent ?? '',
          close: root.querySelector('[data-action="close"]')?.getAttribute('title') ?? '',
          pin: root.querySelector('[data-action="pin"]')?.getAttribute('title') ?? '',
          matched: root.querySelector('[data-part="matched"]')?.textContent ?? '',
        };
      }, CARD);
    };
    // A word with a substitution (the name as matched) is filled, whichever table it comes from.
    const expected = (m: typeof EN | typeof AR) => ({ kind: m.cardType_person.message, close: m.cardClose.message, pin: m.cardPin.message, matched: m.cardMatched.message.replace('$1', 'Putin') });
    let page: Awaited<ReturnType<ReturnType<typeof browser>['open']>> | undefined;
    try {
      for (const [cardLanguage, messages] of [['ar', AR], ['en', EN], ['both', EN]] as const) {
        await setStoredSettings(browser(), { version: 2, cardLanguage });
        page = await browser().open('/fixtures/card-basic.html');
        await waitForPageRead(browser(), page);
        const [putin] = await rectsOf(page, 'person', 'Putin');
        await page.mouse.move(...middle(putin!));
        await waitForCard(page, 'vladimir-putin');
        expect(await words(), cardLanguage).toEqual(expected(messages));
        await page.close();
      }
      expect(expected(AR)).not.toEqual(expected(EN));
    } finally {
      await clearStoredSettings(browser());
    }
  });

  it('follows the options: hover delay, card language, theme, text size and the link modifier', async () => {
    const hoverDelay = 900;
    await setStoredSettings(browser(), { version: 2, hoverDelay, cardLanguage: 'both', theme: 'dark', textSize: 130, clickModifier: 'none' });
    try {
      const page = await browser().open('/fixtures/card-basic.html');
      await waitForPageRead(browser(), page);
      const [putin] = await rectsOf(page, 'person', 'Putin');
      await page.mouse.move(...middle(putin!));
      // Two thirds into the longer delay set here: a card shown by then did not wait for it.
      expect(await shownAfter(page, (hoverDelay * 2) / 3)).toBe(false);
      await waitForCard(page, 'vladimir-putin');
      const p = entity('vladimir-putin').entity;
      expect((await cardParts(page)).summaries).toEqual([p.summary.ar, p.summary.en]);
      await revealCard(page);
      const look = await page.evaluate((key) => {
        const card = (window as unknown as Record<string, CardRef>)[key]!.root.querySelector('.card')!;
        const style = getComputedStyle(card);
        return { dark: card.classList.contains('dark'), background: style.backgroundColor, size: style.fontSize };
      }, CARD);
      expect(look).toEqual({ dark: true, background: 'rgb(31, 36, 40)', size: '18.2px' });
      await page.keyboard.press('Escape');
      await waitForCard(page, null);
      const [linked] = await rectsOf(page, 'link', 'Vladimir Putin');
      expect(await altClick(page, middle(linked!))).toBe(false); // no modifier opens cards on links: the link is followed
      expect(await shownAfter(page, NO_CARD_ASKED_MS)).toBe(false);
      await page.close();
    } finally {
      await clearStoredSettings(browser());
    }
  });
});
