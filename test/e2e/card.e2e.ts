import { expect, it } from 'vitest';
import { waitForPageRead } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { BEFORE_HOVER_CARD_MS, SHOWN_HOST, INSIDE_CLOSE_GRACE_MS, INSIDE_HOVER_DELAY_MS, altClick, middle, openCard, rectsOf, shownAfter, shownAfterEscape, waitForCard } from './card-page';

// The hover card's behaviour in real browsers: the hover delay, leaving, Escape, click, the
// chunk loading on a page whose CSP forbids every script.

forEachBrowser('hover card', (browser) => {
  it('opens after the hover delay and not before, closes after the pointer leaves, on Escape and on scrolling far', async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), page);
    // The card's host (a popover) comes on first use only (the screen readers' count, announce.e2e.ts, is another element).
    expect(await page.evaluate(() => [...document.documentElement.children].filter((e) => !e.localName.includes('-') || e.hasAttribute('popover')).map((e) => e.localName))).toEqual(['head', 'body']);
    const [putin] = await rectsOf(page, 'person', 'Putin');
    await page.mouse.move(...middle(putin!));
    expect(await shownAfter(page, INSIDE_HOVER_DELAY_MS)).toBe(false);
    await waitForCard(page, 'vladimir-putin');
    const card = await openCard(page);
    expect(card!.text).toContain('Vladimir Putin');
    expect(card!.text).toContain('فلاديمير بوتين');

    await page.mouse.move(600, 5); // off the name and the card
    expect(await shownAfter(page, INSIDE_CLOSE_GRACE_MS)).toBe(true); // the grace period
    await waitForCard(page, null);

    await page.mouse.move(...middle(putin!));
    await waitForCard(page, 'vladimir-putin');
    expect(await shownAfterEscape(page)).toBe(false); // closed at once, no grace period

    await page.mouse.click(...middle(putin!));
    await waitForCard(page, 'vladimir-putin');
    await page.evaluate(() => window.scrollTo(0, 1400)); // the name scrolls far out of view
    await waitForCard(page, null, 1000);
    await page.close();
  });

  it('opens at once on click, and only with the modifier on a linked name', async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), page);
    const [kremlin] = await rectsOf(page, 'org', 'Kremlin');
    await page.mouse.click(...middle(kremlin!));
    await waitForCard(page, 'kremlin');
    await page.keyboard.press('Escape');
    await waitForCard(page, null);
    const [linked] = await rectsOf(page, 'link', 'Vladimir Putin');
    expect(await altClick(page, middle(linked!))).toBe(true); // the modifier of the options (Alt by default): the card, not the link
    await waitForCard(page, 'vladimir-putin');
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.keyboard.press('Escape');
    // A plain click follows the link and opens no card: looked at 50 ms after the click, by a timer
    // that runs before the hover delay's (the pointer now rests on the name), however busy the page.
    await page.evaluate(
      ([shown, wait]) => {
        addEventListener('click', () => setTimeout(() => ((window as unknown as { cardOnClick: boolean }).cardOnClick = !!document.querySelector(shown)), wait), { once: true });
      },
      [SHOWN_HOST, BEFORE_HOVER_CARD_MS] as const,
    );
    await page.mouse.click(...middle(linked!));
    await page.waitFor(() => location.hash === '#followed' && (window as unknown as { cardOnClick?: boolean }).cardOnClick !== undefined);
    expect(await page.evaluate(() => (window as unknown as { cardOnClick: boolean }).cardOnClick)).toBe(false);
    await page.close();
  });

  it('loads the card on a page whose CSP forbids every script', async () => {
    const page = await browser().open(`/fixtures/card-basic.html?csp=${encodeURIComponent("script-src 'none'")}`);
    await waitForPageRead(browser(), page);
    const [kremlin] = await rectsOf(page, 'org', 'Kremlin');
    await page.mouse.click(...middle(kremlin!));
    await waitForCard(page, 'kremlin');
    expect((await openCard(page))!.text).toContain('الكرملين');
    await page.close();
  });
});
