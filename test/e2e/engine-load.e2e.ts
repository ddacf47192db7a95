import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromiumSuite } from './harness/chromium-suite';
import { frameMarks, waitForMarks } from './harness/highlights';
import { waitForPageRead } from './harness/settle';
import { forEachBrowser, selectedBrowsers } from './harness/suite';

// The content script every page and frame runs is a loader; the engine (engine.js: the matcher,
// its tables, the annotator), which the background injects when a loader asks, is loaded and
// started only where Hashiya is on and the frame has text to read. A page or frame whose text
// comes later is marked when it comes.

forEachBrowser('the engine, loaded at the first text', (browser) => {
  it('marks a page, and a frame, whose text comes after it has loaded', async () => {
    const page = await browser().open('/fixtures/empty.html');
    await waitForPageRead(browser(), page); // a frame with no text reads as read
    expect(await page.evaluate(() => { let n = 0; CSS.highlights.forEach((h) => (n += h.size)); return n; })).toBe(0);
    await page.evaluate(() => {
      document.getElementById('app')!.append(Object.assign(document.createElement('p'), { textContent: 'Vladimir Putin received the Syrian president.' }));
    });
    expect(await waitForMarks(page)).toEqual(['Vladimir Putin']);
    // The empty ad frame gets a story of its own, as a late ad does.
    await page.evaluate(() => {
      const frame = (document.getElementById('ad-empty') as HTMLIFrameElement).contentDocument!;
      frame.body.innerHTML = '<p>Talks in <b>Damascus</b> resumed.</p>';
    });
    await page.waitFor(() => {
      const win = (document.getElementById('ad-empty') as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
      let n = 0;
      win.CSS.highlights.forEach((h) => (n += h.size));
      return n > 0;
    });
    expect(await frameMarks(page, 'ad-empty')).toEqual(['Damascus']);
    await page.close();
  });
});

describe.runIf(selectedBrowsers().includes('chromium'))('the engine, started at the first text [chromium]', () => {
  // Chromium's DevTools protocol lists the listeners on a window, a content script's included,
  // which no page script can see. The engine, once started, follows the pointer (pointermove on
  // the window); the loader alone listens for no pointer.
  const suite = useChromiumSuite();

  /**
   * Of the window of the page (null) or of the frame #id, asked in Hashiya's world there (the
   * protocol lists a world's own listeners and globals): whether engine.js has been run there (its
   * exports, `hashiyaEngine`) and whether the engine has started (it follows the pointer).
   */
  async function engineState(page: Page, frameId: string | null): Promise<{ loaded: boolean; started: boolean; listening: boolean }> {
    const cdp = await suite().context.newCDPSession(page);
    const contexts: { id: number; frameId: string; type: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
      const aux = c.auxData as { frameId: string; type: string };
      contexts.push({ id: c.id, frameId: aux.frameId, type: aux.type });
    });
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const frame = frameId === null ? frameTree.frame : frameTree.childFrames?.find((f) => f.frame.name === frameId || f.frame.id === frameId)?.frame;
    const world = contexts.find((c) => c.frameId === frame?.id && c.type === 'isolated');
    const state = { loaded: false, started: false, listening: false };
    if (world) {
      const loaded = await cdp.send('Runtime.evaluate', { expression: "Object.hasOwn(globalThis, 'hashiyaEngine')", contextId: world.id, returnByValue: true });
      state.loaded = loaded.result.value === true;
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window', contextId: world.id });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      state.started = listeners.some((l) => l.type === 'pointermove');
      // Whether the loader has begun there (read the settings and listens to the background): a
      // frame within the page does so only once it has text.
      const listening = await cdp.send('Runtime.evaluate', { expression: 'chrome.runtime.onMessage.hasListeners()', contextId: world.id, returnByValue: true });
      state.listening = listening.result.value === true;
    }
    await cdp.detach();
    if (!world) throw new Error(`no world of Hashiya's in ${frameId ?? 'the page'}`);
    return state;
  }

  /** Counts the engine's asks for its tables (get-match-tables) that the background hears from now on. */
  async function countTableAsks(): Promise<() => Promise<number>> {
    const [worker] = suite().context.serviceWorkers();
    await worker!.evaluate(() => {
      const scope = self as unknown as { __tableAsks: number; __counting?: boolean };
      scope.__tableAsks = 0;
      if (scope.__counting) return;
      scope.__counting = true;
      chrome.runtime.onMessage.addListener((message: { type?: string }) => void (message?.type === 'get-match-tables' && scope.__tableAsks++));
    });
    return () => worker!.evaluate(() => (self as unknown as { __tableAsks: number }).__tableAsks);
  }

  it('is neither loaded nor started in a page or frames with no text, and is once text comes; a frame with none never calls the extension API', async () => {
    // Nor are its tables asked for where there is no text (they are, with the engine, once it comes).
    const tableAsks = await countTableAsks();
    const page = await suite().context.newPage();
    await page.goto(suite().server.origin + '/fixtures/empty.html', { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const frames = ['ad-image', 'ad-empty'];
    const states = async () => [await engineState(page, null), ...(await Promise.all(frames.map((id) => engineState(page, id))))];
    const none = { loaded: false, started: false, listening: false };
    // The top frame has read the settings at once (its marks' rules are asked for while it parses).
    expect(await states()).toEqual([{ ...none, listening: true }, none, none]);
    expect(await tableAsks()).toBe(0);
    await page.evaluate(() => void document.getElementById('app')!.append('Talks in Damascus resumed.'));
    await page.waitForFunction(() => { let n = 0; CSS.highlights.forEach((h) => (n += h.size)); return n > 0; }, undefined, { timeout: 10_000 });
    const started = { loaded: true, started: true, listening: true };
    expect(await states()).toEqual([started, none, none]);
    expect(await tableAsks()).toBe(1);
    // Text comes to one ad frame: that frame begins, loads the engine and marks; the other stays quiet.
    await page.evaluate(() => void ((document.getElementById('ad-empty') as HTMLIFrameElement).contentDocument!.body.innerHTML = '<p>Talks in Damascus resumed.</p>'));
    await page.waitForFunction(() => {
      let n = 0;
      ((document.getElementById('ad-empty') as HTMLIFrameElement).contentWindow as Window & typeof globalThis).CSS.highlights.forEach((h) => (n += h.size));
      return n > 0;
    }, undefined, { timeout: 10_000 });
    expect(await states()).toEqual([started, none, started]);
    await page.close();
  });

  it('is not loaded in a frame whose text holds no name, and is once a name comes, however its text is split', async () => {
    const tableAsks = await countTableAsks();
    const page = await suite().context.newPage();
    await page.goto(suite().server.origin + '/fixtures/empty.html', { waitUntil: 'load' });
    const marksIn = (id: string) =>
      page.waitForFunction((frame) => {
        let n = 0;
        ((document.getElementById(frame) as HTMLIFrameElement).contentWindow as Window & typeof globalThis).CSS.highlights.forEach((h) => (n += h.size));
        return n > 0;
      }, id, { timeout: 10_000 });
    const fill = (id: string, html: string) =>
      page.evaluate(([frame, body]) => void ((document.getElementById(frame!) as HTMLIFrameElement).contentDocument!.body.innerHTML = body!), [id, html]);
    // An advertisement's text: the frame begins, sends its text, and gets no engine.
    await fill('ad-empty', '<p>Garden chairs, half price this week only.</p><p>Free delivery</p>');
    await page.waitForTimeout(1500);
    const none = { loaded: false, started: false, listening: false };
    const started = { loaded: true, started: true, listening: true };
    expect(await engineState(page, 'ad-empty')).toEqual({ ...none, listening: true });
    expect(await tableAsks()).toBe(0);
    // Candidates the story's rules turn down, as the engine would: الشرع among the jurists' words
    // (the law), and Moscow with Moscow, Idaho in another paragraph of the frame. Still no engine.
    await fill('ad-empty', '<p>وقال الفقهاء إن الشرع لا يجيز ذلك</p><p>Talks in Moscow.</p><div>Snow fell in Moscow, Idaho.</div>');
    await page.waitForTimeout(1500);
    expect(await engineState(page, 'ad-empty')).toEqual({ ...none, listening: true });
    expect(await tableAsks()).toBe(0);
    // A name the engine reads across a hidden word (passed over) and a bold part (joined): the
    // background finds it in the frame's text as the engine would, and the engine comes.
    await fill('ad-empty', '<p>Said Vladimir <span hidden>x</span>Pu<b>tin</b> today.</p>');
    await marksIn('ad-empty');
    expect(await engineState(page, 'ad-empty')).toEqual(started);
    expect(await engineState(page, 'ad-image')).toEqual(none);
    expect(await tableAsks()).toBe(1);
    await page.close();
  });

  it('looks again at text that comes while the background looks at the frame\'s text', async () => {
    const page = await suite().context.newPage();
    await page.goto(suite().server.origin + '/fixtures/empty.html', { waitUntil: 'load' });
    // An advertisement's text: the frame begins, sends its text, and is told there is no name.
    await page.evaluate(() => void ((document.getElementById('ad-empty') as HTMLIFrameElement).contentDocument!.body.innerHTML = '<p>Garden chairs, half price.</p>'));
    await page.waitForTimeout(1500); // past the once-a-second limit on asking again
    // More of it, which the frame sends at once; and, while the background looks, a name.
    await page.evaluate(() => {
      const body = (document.getElementById('ad-empty') as HTMLIFrameElement).contentDocument!.body;
      body.insertAdjacentHTML('beforeend', '<p>Free delivery.</p>');
      // After the frame's mutation observer has run (it sent the text then), before any answer.
      queueMicrotask(() => body.insertAdjacentHTML('beforeend', '<p>Vladimir Putin said so.</p>'));
    });
    await page.waitForFunction(() => {
      let n = 0;
      ((document.getElementById('ad-empty') as HTMLIFrameElement).contentWindow as Window & typeof globalThis).CSS.highlights.forEach((h) => (n += h.size));
      return n > 0;
    }, undefined, { timeout: 10_000 });
    await page.close();
  });

  it('is not loaded in a page whose text holds no name; it is where the text is too long to send', async () => {
    const page = await suite().context.newPage();
    await page.goto(suite().server.origin + '/fixtures/no-names.html', { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    expect(await engineState(page, null)).toEqual({ loaded: false, started: false, listening: true });
    // More text than a frame sends (messages.ts MAX_FRAME_TEXT, 131 072 characters): the engine
    // reads it. (Added after the first look, as a script would: the page asks again.)
    await page.evaluate(() => void document.body.append(Object.assign(document.createElement('p'), { textContent: 'Mild winds from the west. '.repeat(6000) })));
    await expect.poll(async () => (await engineState(page, null)).loaded, { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('is not loaded while the page parses, even with text in, but once the page has parsed', async () => {
    // Evaluated while the page parses, the engine is a task between two of the parser's, and
    // DOMContentLoaded comes that much later. The page's first paragraph is in while a slow
    // script holds its parsing 1.5 s.
    const page = await suite().context.newPage();
    await page.goto(suite().server.origin + '/fixtures/slow-parse.html', { waitUntil: 'commit' });
    await page.waitForFunction(() => document.body?.textContent?.includes('Putin'));
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    expect(await engineState(page, null)).toEqual({ loaded: false, started: false, listening: true });
    await page.waitForLoadState('load');
    await page.waitForFunction(() => { let n = 0; CSS.highlights.forEach((h) => (n += h.size)); return n > 0; }, undefined, { timeout: 10_000 });
    expect(await engineState(page, null)).toEqual({ loaded: true, started: true, listening: true });
    await page.close();
  });

  it('has a page script see no engine, and a fake one in the page change nothing', async () => {
    const page = await suite().context.newPage();
    // A page that sets the engine's global name itself, before and after Hashiya's loader runs.
    await page.addInitScript(() => {
      (globalThis as Record<string, unknown>).hashiyaEngine = { startEngine: () => { throw new Error('fake engine'); } };
    });
    await page.goto(suite().server.origin + '/fixtures/empty.html', { waitUntil: 'load' });
    await page.evaluate(() => void document.getElementById('app')!.append('Talks in Damascus resumed.'));
    await page.waitForFunction(() => { let n = 0; CSS.highlights.forEach((h) => (n += h.size)); return n > 0; }, undefined, { timeout: 10_000 });
    expect(await engineState(page, null)).toEqual({ loaded: true, started: true, listening: true });
    // The page's own global is its own: Hashiya's exports are not there, nor anything of its world.
    expect(await page.evaluate(() => String(Object.keys((globalThis as { hashiyaEngine?: object }).hashiyaEngine ?? {})))).toBe('startEngine');
    expect(await page.evaluate(() => String((globalThis as { hashiyaEngine?: { startEngine: () => unknown } }).hashiyaEngine?.startEngine).includes('fake engine'))).toBe(true);
    await page.close();
  });
});
