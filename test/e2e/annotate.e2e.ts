import { expect, it } from 'vitest';
import type { TestBrowser, TestPage } from './harness/browsers';
import { clearStoredSettings, setStoredSettings } from './harness/extension';
import { frameMarks, highlightNames, readHighlights, waitForMarked } from './harness/highlights';
import { markCount, waitForPageRead } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { MAX_BLOCK } from '../../src/content/text-collector';

// Page annotation on fixtures written for each rule: what is read, what is left alone, pages that
// change, the page clearing CSS.highlights, and switching off.

/** The marked texts once Hashiya has read the page as it is now. */
const marked = async (browser: TestBrowser, page: TestPage) => {
  await waitForPageRead(browser, page);
  return (await readHighlights(page)).map((m) => m.text.replace(/\s+/g, ' '));
};

/** How long a test watches a switched-off page for marks that must not come. */
const SWITCHED_OFF_WATCH_MS = 500;

/** Waits until exactly `count` marks are drawn. */
const waitForCount = (page: TestPage, count: number) =>
  page.waitFor((n) => {
    let drawn = 0;
    CSS.highlights.forEach((h) => (h.priority === 0 ? (drawn += h.size) : 0));
    return drawn === n;
  }, count);

forEachBrowser('page annotation', (browser) => {
  it('reads a heading with the text under it: the headline over Moscow, Idaho is not the capital', async () => {
    const page = await browser().open('/fixtures/headings.html');
    // The story's heading (in a <header>) takes the story's sense; the two headlines over the
    // Idaho town (English, Arabic) take that story's, though the page is about the Russian capital.
    expect(await marked(browser(), page)).toEqual(['Moscow', 'Putin', 'al-Sharaa', 'Moscow']);
  });

  it('joins inline elements and line breaks into one mention, and keeps blocks apart', async () => {
    const page = await browser().open('/fixtures/inline.html');
    const texts = await marked(browser(), page);
    expect(texts).toContain('Murhaf Abu Qasra');
    expect(texts).toContain('Vladimir Putin');
    // Sergei<br>Lavrov is one mention: the <br> reads as a space (a Range's text has none for it).
    expect(texts).toContain('SergeiLavrov');
    expect(texts).toContain('Sergei Vershinin'); // broken across a source line
    expect(texts.filter((t) => t === 'Murhaf Abu Qasra')).toHaveLength(1); // not across table cells
    expect(texts).toContain('أحمد الشرع');
    expect(texts).toContain('موسكو'); // لموسكو → the name without its preposition
    expect(texts).toContain('بوتين'); // بوتين after و… is still found
    // The heading "Sergei" does not run into the paragraph "Lavrov later …".
    const afterHeading = await page.evaluate(() => {
      const target = document.getElementById('after-heading')!.firstChild!;
      let hits = 0;
      CSS.highlights.forEach((h) => {
        if (h.priority === 0) for (const r of h) if (r.startContainer === target) hits++;
      });
      return hits;
    });
    expect(afterHeading).toBe(1); // "Lavrov" alone, starting in that paragraph
    await page.close();
  });

  it('leaves form fields, editable regions, hidden subtrees, code and scripts alone', async () => {
    const page = await browser().open('/fixtures/fields.html');
    expect(await marked(browser(), page)).toEqual(['Putin', 'Kremlin']);
    await page.close();
  });

  it('reads open shadow roots and same-origin, srcdoc and about:blank frames', async () => {
    const page = await browser().open('/fixtures/shadow-frames.html');
    const texts = await marked(browser(), page);
    expect(texts).toContain('Reuters');
    expect(texts).toContain('Vladimir Putin'); // inside the shadow root
    expect(texts).toContain('Damascus'); // inside a custom element's shadow root
    expect(texts).toContain('Moscow');
    await page.waitFor(() => {
      const seen = (id: string) => {
        let n = 0;
        const win = (document.getElementById(id) as HTMLIFrameElement).contentWindow as (Window & typeof globalThis) | null;
        win?.CSS.highlights.forEach((h) => {
          if (h.priority === 0) n += h.size;
        });
        return n;
      };
      return seen('same') > 0 && seen('srcdoc') > 0 && seen('blank') > 0;
    });
    expect(await frameMarks(page, 'same')).toEqual(['Asaad al-Shaibani', 'Moscow']);
    expect(await frameMarks(page, 'srcdoc')).toEqual(['Sergei Lavrov', 'Sputnik']);
    expect(await frameMarks(page, 'blank')).toEqual(['Kremlin']);
    await page.close();
  });

  it('lets a frame go quietly when the page changes its text and removes it in one task', async () => {
    const page = await browser().open('/fixtures/shadow-frames.html');
    await waitForPageRead(browser(), page);
    await page.waitFor(() => {
      let n = 0;
      ((document.getElementById('srcdoc') as HTMLIFrameElement).contentWindow as (Window & typeof globalThis) | null)?.CSS.highlights.forEach((h) => (n += h.priority === 0 ? h.size : 0));
      return n > 0;
    });
    // What an ad script does: fills its frame, then takes it away. The frame's watcher sees the
    // change after the frame has gone, in a window with no document (where Firefox's timers throw).
    await page.evaluate(() => {
      const frame = document.getElementById('srcdoc') as HTMLIFrameElement;
      frame.contentDocument!.body.append('Vladimir Putin in Moscow again.');
      frame.remove();
    });
    // The rest of the page still follows its changes.
    await page.evaluate(() => document.getElementById('light')!.append(' Sergei Lavrov was there.'));
    await waitForMarked(page, 'Sergei Lavrov', true);
    await new Promise((settled) => setTimeout(settled, 500)); // the browser console's lines come late
    expect(browser().extensionErrors).toEqual([]);
    await page.close();
  });

  it('follows a page that changes: new posts, edits, removals and single-page navigation', async () => {
    const page = await browser().open('/fixtures/live.html');
    expect(await marked(browser(), page)).toEqual(['Putin']);
    await page.evaluate(() => (window as unknown as { addPost: (t: string) => void }).addPost('09:05 — Lavrov joins the talks in Moscow.'));
    await waitForCount(page, 3);
    expect(await marked(browser(), page)).toEqual(['Putin', 'Lavrov', 'Moscow']);
    // An edit inside a text node.
    await page.evaluate(() => {
      (document.getElementById('first')!.firstChild as Text).data = '09:00 — Sergei Vershinin greets his guest.';
    });
    await waitForMarked(page, 'Sergei Vershinin', true);
    expect(await marked(browser(), page)).toEqual(['Sergei Vershinin', 'Lavrov', 'Moscow']);
    // A removal drops its marks.
    await page.evaluate(() => document.querySelector('article:last-child')!.remove());
    await waitForCount(page, 1);
    expect(await marked(browser(), page)).toEqual(['Sergei Vershinin']);
    // Single-page navigation: the new view is read as a new document.
    await page.evaluate(() => (window as unknown as { navigateTo: (p: string, t: string) => void }).navigateTo('/fixtures/live.html?story=2', 'Damascus awaits al-Sharaa.'));
    await waitForCount(page, 2);
    expect(await marked(browser(), page)).toEqual(['Damascus', 'al-Sharaa']);
    await page.close();
  });

  it('reads one text node of megabytes in slices, block by block, and finds every name in it', async () => {
    const page = await browser().open('/fixtures/huge-text.html');
    expect(await page.evaluate(() => document.getElementById('dump')!.firstChild!.textContent!.length)).toBeGreaterThan(10 * MAX_BLOCK);
    await waitForPageRead(browser(), page);
    const names = await marked(browser(), page);
    expect(names).toHaveLength(100);
    expect(new Set(names)).toEqual(new Set(['Putin']));
    await page.close();
  });

  it('reads a line appended to <body> alone, not the page around it', async () => {
    const page = await browser().open('/fixtures/live.html');
    expect(await marked(browser(), page)).toEqual(['Putin']);
    /** The drawn ranges kept from before (the same objects: their blocks were not read again), of all. */
    const keep = () =>
      page.evaluate(() => {
        const drawn = new Set<AbstractRange>();
        CSS.highlights.forEach((h) => (h.priority === 0 ? h.forEach((r) => drawn.add(r)) : undefined));
        (window as unknown as { drawn: Set<AbstractRange> }).drawn = drawn;
      });
    const kept = () =>
      page.evaluate(() => {
        const drawn = (window as unknown as { drawn: Set<AbstractRange> }).drawn;
        const all: string[] = [];
        const same: string[] = [];
        CSS.highlights.forEach((h) =>
          h.priority === 0
            ? h.forEach((r) => {
                const text = new Range();
                text.setStart(r.startContainer, r.startOffset);
                text.setEnd(r.endContainer, r.endOffset);
                all.push(text.toString());
                if (drawn.has(r)) same.push(text.toString());
              })
            : undefined,
        );
        return { all: all.sort(), same: same.sort() };
      });
    // Text nodes appended to <body> itself, as some live pages do: each is read, the feed is not.
    await keep();
    await page.evaluate(() => document.body.append('Update: Lavrov spoke.'));
    await waitForCount(page, 2);
    expect(await kept()).toEqual({ all: ['Lavrov', 'Putin'], same: ['Putin'] });
    await keep();
    await page.evaluate(() => document.body.append(document.createElement('br'), 'Update: Damascus answered.'));
    await waitForCount(page, 3);
    const after = await kept();
    expect(after.all).toEqual(['Damascus', 'Lavrov', 'Putin']);
    expect(after.same).toContain('Putin'); // the feed's block was not read again
    await page.close();
  });

  it('does not read the page again for an element added without content, then reads its content', async () => {
    const page = await browser().open('/fixtures/live.html');
    expect(await marked(browser(), page)).toEqual(['Putin']);
    // The ranges drawn now: a read of the page would draw new ones.
    await page.evaluate(() => {
      const drawn = new Set<AbstractRange>();
      CSS.highlights.forEach((h) => (h.priority <= 1 ? h.forEach((r) => drawn.add(r)) : undefined));
      (window as unknown as { drawn: Set<AbstractRange> }).drawn = drawn;
      const slot = document.createElement('div'); // an ad slot, filled later
      slot.id = 'slot';
      document.body.append(slot, document.createElement('img'));
    });
    // Read: a flush it had queued (what a regression would do) would have run by now.
    await waitForPageRead(browser(), page);
    const kept = await page.evaluate(() => {
      const drawn = (window as unknown as { drawn: Set<AbstractRange> }).drawn;
      let same = 0;
      let all = 0;
      CSS.highlights.forEach((h) => (h.priority === 0 ? h.forEach((r) => ((all += 1), (same += drawn.has(r) ? 1 : 0))) : undefined));
      return { same, all };
    });
    expect(kept).toEqual({ same: 1, all: 1 });
    await page.evaluate(() => (document.getElementById('slot')!.textContent = 'Sponsored: a trip to Damascus.'));
    await waitForCount(page, 2);
    expect(await marked(browser(), page)).toEqual(['Putin', 'Damascus']);
    await page.close();
  });

  it('restores its highlights when the page clears CSS.highlights', async () => {
    const page = await browser().open('/fixtures/inline.html');
    const before = await marked(browser(), page);
    await page.evaluate(() => CSS.highlights.clear());
    expect(await readHighlights(page)).toEqual([]);
    await page.mouse.move(10, 10);
    await page.mouse.move(20, 20);
    await page.waitFor(() => CSS.highlights.size > 0);
    expect(await marked(browser(), page)).toEqual(before);
    await page.close();
  });

  it('marks events as a category of their own: a grey dashed underline unless set otherwise, and off with their switch', async () => {
    const page = await browser().open('/fixtures/events.html');
    await waitForPageRead(browser(), page);
    const names = await highlightNames(browser(), page);
    expect(await readHighlights(page)).toEqual([
      { highlight: names['dotted-teal'], text: 'Vladimir Putin' },
      { highlight: names['dashed-grey'], text: 'fall of Bashar al-Assad' },
      { highlight: names['dashed-grey'], text: "Al-Sharaa's first visit to Moscow" },
    ]);
    await setStoredSettings(browser(), { version: 2, categories: { event: false } });
    await waitForCount(page, 1);
    expect(await marked(browser(), page)).toEqual(['Vladimir Putin']);
    await clearStoredSettings(browser());
    await page.close();
  });

  it('switched off removes every mark and reads nothing more; switched on marks again', async () => {
    const page = await browser().open('/fixtures/live.html');
    expect(await marked(browser(), page)).toEqual(['Putin']);
    await setStoredSettings(browser(), { enabled: false });
    await page.waitFor(() => CSS.highlights.size === 0);
    await page.evaluate(() => (window as unknown as { addPost: (t: string) => void }).addPost('Moscow and Damascus.'));
    await page.mouse.move(30, 30);
    // Switched off there is nothing to ask (no annotator): what must not happen gets the time a
    // flush (≤ 200 ms) and a pointer frame would take, and more.
    await new Promise((ok) => setTimeout(ok, SWITCHED_OFF_WATCH_MS));
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await clearStoredSettings(browser());
    await page.waitFor(() => CSS.highlights.size > 0);
    expect(await marked(browser(), page)).toEqual(['Putin', 'Moscow', 'Damascus']);
    await page.close();
  });
});

forEachBrowser('reading order', (browser) => {
  it('reads the part of the page in view first when the page is already scrolled', async () => {
    // A long page (many slices of work) whose only Vershinin is at the very end.
    const filler = Array.from({ length: 6000 }, (_, i) => `<p>Item ${i}: Putin and Lavrov met in Moscow again.</p><p>Nothing else happened at ${i}.</p><p>The weather stayed mild.</p><p>Markets were calm.</p>`).join('');
    browser().server.generated.set(
      'long.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Long</title></head><body>${filler}<p id="end">Finally, Sergei Vershinin spoke.</p>
<script>
// Resolves with the first state of the marks that differs from the complete one: the first
// batch of a new read (the old marks are replaced in the same task as that batch is drawn).
// Looked at between any two tasks (a message always waiting, as Hashiya's slices use), in every
// frame and by a timer.
window.watchFirstDraw = (complete) => new Promise((done) => {
  let settled = false;
  const look = () => {
    if (settled) return true;
    let total = 0, vershinin = false;
    CSS.highlights.forEach((h) => {
      if (h.priority !== 0) return;
      for (const r of h) { total++; if (r.startContainer.parentElement && r.startContainer.parentElement.id === 'end') vershinin = true; }
    });
    if (total === complete) return false;
    settled = true;
    done({ total, vershinin });
    return true;
  };
  const frame = () => { if (!look()) requestAnimationFrame(frame); };
  const task = () => { if (!look()) setTimeout(task, 0); };
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { if (!look()) channel.port2.postMessage(null); };
  channel.port2.postMessage(null);
  requestAnimationFrame(frame);
  setTimeout(task, 0);
  setTimeout(() => { if (!settled) { settled = true; done({ total: complete, vershinin: false }); } }, 15000);
});
</script></body></html>`,
    );
    const page = await browser().open('/generated/long.html');
    // The last name of the page is drawn when the first read ends (it comes in the last batch).
    await waitForMarked(page, 'Sergei Vershinin', true);
    await waitForPageRead(browser(), page);
    const final = await markCount(page);
    await page.evaluate(() => document.getElementById('end')!.scrollIntoView({ block: 'center' }));
    // A single-page navigation makes Hashiya read the page again, from where the reader is.
    const first = await page.evaluate((complete) => {
      const watch = (window as unknown as { watchFirstDraw: (n: number) => Promise<{ total: number; vershinin: boolean }> }).watchFirstDraw;
      history.pushState({}, '', '/generated/long.html?again');
      // Firefox has no event for pushState: the mutation that follows makes the change seen. The
      // span is empty, so it is no text to read (the body is not read again in document order).
      document.body.append(document.createElement('span'));
      return watch(complete);
    }, final);
    expect(first.vershinin).toBe(true);
    expect(first.total).toBeLessThan(final);
    // The navigation event (Chromium) and the mutation both noticed it: one read, nothing drawn twice.
    await waitForPageRead(browser(), page);
    expect(await markCount(page)).toBe(final);
    await page.close();
  });
});
