import { describe, expect, it } from 'vitest';
import { cardDataFor } from '../../src/data/card-data';
import type { Pack } from '../../src/data/pack-schema';
import bundled from '../../src/data/packs/sharaa-moscow-2025.json';
import type { TestPage } from './harness/browsers';
import { wrapPlaywrightPage } from './harness/chromium';
import { useChromiumSuite } from './harness/chromium-suite';
import { untilFound } from './harness/common';
import { waitForPageRead } from './harness/settle';
import { forEachBrowser, selectedBrowsers } from './harness/suite';
import { extensionPages } from './chromium-probe';
import { CARD, type CardRef, clickInCard, middle, rectsOf, revealCard, waitForCard } from './card-page';

// "Hear the name": a button beside a name only where the browser has an offline voice of the
// name's language. The headless browsers here have no voice at all: there the card has no button.
// In Chromium, voices are then given to Hashiya's own world (through the DevTools protocol, as
// devtools would): the buttons come for exactly the languages with a voice, and speak the name.

const putin = cardDataFor(bundled as Pack, 'vladimir-putin')!.entity;

/** The card's speak buttons: the language of each, and the name it stands beside. */
function speakButtons(page: TestPage): Promise<{ lang: string | null; name: string; label: string | null; labelLang: string | null }[]> {
  return page.evaluate((key) => {
    const { root } = (window as unknown as Record<string, CardRef>)[key]!;
    return [...root.querySelectorAll('[data-action="speak"]')].map((b) => ({ lang: b.getAttribute('data-lang'), name: b.parentElement?.textContent ?? '', label: b.getAttribute('aria-label'), labelLang: b.getAttribute('lang') }));
  }, CARD);
}

async function openPutin(page: TestPage): Promise<void> {
  const [name] = await untilFound(async () => {
    const found = await rectsOf(page, 'person', 'Putin');
    return found.length > 0 ? found : undefined;
  });
  await page.mouse.click(...middle(name!));
  await waitForCard(page, 'vladimir-putin');
  await revealCard(page);
}

forEachBrowser('hear the name', (browser) => {
  it('offers no voice button where the browser has no offline voice of the language', async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), page);
    await openPutin(page);
    // The browser's own voices, as the page sees them: none for Arabic or English that works offline.
    const voices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.localService && /^(ar|en)\b/i.test(v.lang)).map((v) => v.lang));
    expect(voices).toEqual([]);
    expect(await speakButtons(page)).toEqual([]);
    await page.close();
  });
});

describe.runIf(selectedBrowsers().includes('chromium'))('hear the name, with voices [chromium]', () => {
  const suite = useChromiumSuite();

  it('offers a button for exactly the languages with an offline voice, once the voices come, and speaks the name', async () => {
    const raw = await suite().context.newPage();
    const page = wrapPlaywrightPage(raw);
    await page.goto(suite().server.origin + '/fixtures/card-basic.html');
    await waitForPageRead(extensionPages(suite()), page);
    await page.bringToFront();
    await openPutin(page);
    expect(await speakButtons(page)).toEqual([]); // no voices yet

    // Hashiya's world in the page: the one where the engine runs.
    const cdp = await suite().context.newCDPSession(raw);
    const contexts: number[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if ((context.auxData as { type?: string } | undefined)?.type === 'isolated') contexts.push(context.id);
    });
    await cdp.send('Runtime.enable');
    const world = await untilFound(async () => {
      for (const id of contexts) {
        const { result } = await cdp.send('Runtime.evaluate', { expression: "Object.hasOwn(globalThis, 'hashiyaEngine')", contextId: id, returnByValue: true });
        if (result.value === true) return id;
      }
      return undefined;
    });
    // An Arabic voice that speaks offline, an English one of a remote service; what is spoken is
    // recorded instead of heard. Then the browser's "the voices have changed".
    const install = `(() => {
      globalThis.spokenForTest = [];
      const voices = [
        { name: 'Arabic (offline)', lang: 'ar-SA', localService: true, default: false, voiceURI: 'ar' },
        { name: 'English (remote)', lang: 'en-US', localService: false, default: true, voiceURI: 'en' },
      ];
      speechSynthesis.getVoices = () => voices;
      speechSynthesis.cancel = () => undefined;
      speechSynthesis.speak = (u) => globalThis.spokenForTest.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name });
      globalThis.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } };
      speechSynthesis.dispatchEvent(new Event('voiceschanged'));
    })()`;
    await cdp.send('Runtime.evaluate', { expression: install, contextId: world });

    await untilFound(async () => ((await speakButtons(page)).length > 0 ? true : undefined));
    const buttons = await speakButtons(page);
    expect(buttons.map((b) => b.lang)).toEqual(['ar']); // the English voice is not offline: no button
    // Its label is in the browser's language (English here), though it stands in the Arabic name.
    expect(buttons[0]).toMatchObject({ name: putin.name.ar, label: 'Hear the Arabic name', labelLang: 'en' });

    await clickInCard(page, '[data-action="speak"][data-lang="ar"]');
    const spoken = await cdp.send('Runtime.evaluate', { expression: 'globalThis.spokenForTest', contextId: world, returnByValue: true });
    expect(spoken.result.value).toEqual([{ text: putin.name.ar, lang: 'ar-SA', voice: 'Arabic (offline)' }]);
    await cdp.detach();
    await raw.close();
  });
});
