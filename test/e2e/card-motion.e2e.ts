import { expect, it } from 'vitest';
import type { TestPage } from './harness/browsers';
import { settleMarks, waitForPageRead } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { CARD, SHOWN_HOST, arabicPutin, middle, rectsOf, revealCard, waitForCard, type CardRef } from './card-page';

// Reduced motion: the card fades in, except when the reader's system asks for less motion
// (prefers-reduced-motion: reduce), on web pages and on the reader page alike. Each browser runs
// twice, once with the preference (Chromium's emulation, Firefox's ui.prefersReducedMotion) and
// once without, which shows that the card does animate when it may.

interface Motion {
  /** What the page is told: prefers-reduced-motion: reduce. */
  readonly reduced: boolean;
  /** The card root's computed animation-name. */
  readonly cardAnimation: string;
  /** The animations running in the card's shadow root as it opens. */
  readonly animations: string[];
  /** Elements of the card with an animation or a transition. */
  readonly moving: number;
}

/**
 * Records, each time the card opens (at its popover's toggle event, the task after showPopover),
 * what in it moves; returns the reader of those records.
 */
async function recordMotion(page: TestPage): Promise<() => Promise<Motion[]>> {
  await revealCard(page); // the card's host is made with the first card: the tests open one before
  await page.evaluate((key) => {
    const records: unknown[] = [];
    (window as unknown as { hashiyaMotion: unknown[] }).hashiyaMotion = records;
    const { host, root } = (window as unknown as Record<string, CardRef>)[key]!;
    window.addEventListener(
      'toggle',
      (event) => {
        if (event.target !== host || (event as Event & { newState?: string }).newState !== 'open') return;
        const moves = (e: Element) => {
          const style = getComputedStyle(e);
          return style.animationName !== 'none' || style.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
        };
        records.push({
          reduced: matchMedia('(prefers-reduced-motion: reduce)').matches,
          cardAnimation: getComputedStyle(root.querySelector('.card')!).animationName,
          animations: root.getAnimations().map((a) => (a as CSSAnimation).animationName),
          moving: [...root.querySelectorAll('*')].filter(moves).length,
        });
      },
      true,
    );
  }, CARD);
  return () => page.evaluate(() => (window as unknown as { hashiyaMotion: Motion[] }).hashiyaMotion);
}

/** Opens the card of the name in `box` by a click and closes it: the page has its card host then. */
async function openAndClose(page: TestPage, at: [number, number]): Promise<void> {
  await page.mouse.click(...at);
  await page.waitFor((shown) => !!document.querySelector(shown), SHOWN_HOST);
  await page.keyboard.press('Escape');
  await waitForCard(page, null);
}

for (const reduced of [false, true]) {
  forEachBrowser(
    `card motion, ${reduced ? 'reduced' : 'not reduced'}`,
    (browser) => {
      const expected = reduced
        ? { reduced: true, cardAnimation: 'none', animations: [], moving: 0 }
        : { reduced: false, cardAnimation: 'appear', animations: ['appear'], moving: 1 };

      it(reduced ? 'opens the card on a web page without animation or transition' : 'fades the card in on a web page', async () => {
        const page = await browser().open('/fixtures/card-basic.html');
        await waitForPageRead(browser(), page);
        const [kremlin] = await rectsOf(page, 'org', 'Kremlin');
        await openAndClose(page, middle(kremlin!));
        const motion = await recordMotion(page);
        await page.mouse.click(...middle(kremlin!));
        await waitForCard(page, 'kremlin');
        // Its toggle event first: one that has not fired when the card closes again merges with
        // the closing one (oldState "closed", newState "closed").
        await page.waitFor(() => (window as unknown as { hashiyaMotion: unknown[] }).hashiyaMotion.length === 1);
        await page.keyboard.press('Escape');
        const [putin] = await rectsOf(page, 'person', 'Putin');
        await page.mouse.move(...middle(putin!)); // the second opening, by hover, into the same host
        await waitForCard(page, 'vladimir-putin');
        await page.waitFor(() => (window as unknown as { hashiyaMotion: unknown[] }).hashiyaMotion.length === 2);
        expect(await motion()).toEqual([expected, expected]);
        await page.close();
      });

      it(reduced ? 'opens the card on the reader page without animation, and nothing there moves' : 'fades the card in on the reader page', async () => {
        const page = await browser().openExtensionPage('reader.html');
        await page.setViewport(1200, 800);
        await settleMarks(page); // an extension page: no content script for waitForPageRead to ask
        await openAndClose(page, await arabicPutin(page));
        const motion = await recordMotion(page);
        await page.mouse.move(0, 0);
        await page.mouse.move(...(await arabicPutin(page)));
        await waitForCard(page, 'vladimir-putin');
        await page.waitFor(() => (window as unknown as { hashiyaMotion: unknown[] }).hashiyaMotion.length === 1);
        expect(await motion()).toEqual([expected]);
        if (!reduced) {
          await page.close();
          return;
        }
        // The page itself: nothing animated, nothing with a transition or smooth scrolling.
        const still = await page.evaluate(() => ({
          animations: document.getAnimations().length,
          moving: [...document.querySelectorAll('*')].filter((e) => {
            const style = getComputedStyle(e);
            return style.animationName !== 'none' || style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || style.scrollBehavior === 'smooth';
          }).length,
        }));
        expect(still).toEqual({ animations: 0, moving: 0 });
        await page.close();
      });
    },
    reduced ? { reducedMotion: true } : {},
  );
}
