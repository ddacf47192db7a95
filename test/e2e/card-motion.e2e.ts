import { expect, it } from 'vitest';
import type { TestPage } from './harness/browsers';
import { settleMarks, waitForPageRead } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { CARD_HOST_TAG } from '../../src/card/card-api';
import { arabicPutin, middle, rectsOf, waitForCard } from './card-page';

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
  await page.evaluate((hostTag) => {
    const records: unknown[] = [];
    (window as unknown as { hashiyaMotion: unknown[] }).hashiyaMotion = records;
    window.addEventListener(
      'toggle',
      (event) => {
        const host = event.target as Element;
        if (host.localName !== hostTag || (event as Event & { newState?: string }).newState !== 'open') return;
        const root = host.shadowRoot!;
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
  }, CARD_HOST_TAG);
  return () => page.evaluate(() => (window as unknown as { hashiyaMotion: Motion[] }).hashiyaMotion);
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
        const motion = await recordMotion(page);
        const [kremlin] = await rectsOf(page, 'org', 'Kremlin');
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
        const motion = await recordMotion(page);
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
