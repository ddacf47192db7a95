// Writes a card's copy (plain text and HTML) to the clipboard from the extension's own documents,
// where no page can see it happen: Firefox's background is an event page with a DOM of its own;
// Chrome's is a service worker, with no DOM and no clipboard, so it opens an offscreen document
// (offscreen.ts) for each copy and closes it after. Both write with execCommand('copy') and a copy
// listener that sets the two flavours: navigator.clipboard.write needs the document to be focused,
// which neither of these documents ever is. The clipboardWrite permission lets a document without
// the reader's click write the clipboard.

/** What the background sends the offscreen document (Chrome). */
export interface OffscreenCopyMessage {
  readonly type: 'offscreen-copy';
  readonly plain: string;
  readonly html: string;
}

/** Puts `plain` and `html` on the clipboard from `doc` (an extension document); true when written. */
export function copyInDocument(doc: Document, plain: string, html: string): boolean {
  let written = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', plain);
    event.clipboardData.setData('text/html', html);
    event.preventDefault(); // the data set here, not the (empty) selection
    written = true;
  };
  doc.addEventListener('copy', onCopy);
  try {
    return doc.execCommand('copy') && written;
  } catch {
    return false;
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}

const OFFSCREEN_PAGE = 'offscreen.html';
/** Copies one after another: one offscreen document at a time, opened and closed for each. */
let queue: Promise<unknown> = Promise.resolve();

/** Writes both flavours to the clipboard; true when written. (Firefox's build has no offscreen code.) */
export const writeClipboard: (plain: string, html: string) => Promise<boolean> = __BROWSER__ === 'chrome' ? copyInTurn : (plain, html) => Promise.resolve(copyInDocument(document, plain, html));

function copyInTurn(plain: string, html: string): Promise<boolean> {
  const copied = queue.then(() => copyOffscreen(plain, html)).catch(() => false);
  queue = copied;
  return copied;
}

async function copyOffscreen(plain: string, html: string): Promise<boolean> {
  try {
    await chrome.offscreen.createDocument({ url: OFFSCREEN_PAGE, reasons: [chrome.offscreen.Reason.CLIPBOARD], justification: "Copy a card's text with its citation" });
  } catch {
    // One left by a service worker that stopped mid-copy: it serves as well.
  }
  try {
    const message: OffscreenCopyMessage = { type: 'offscreen-copy', plain, html };
    return (await chrome.runtime.sendMessage<OffscreenCopyMessage, boolean>(message)) === true;
  } finally {
    await chrome.offscreen.closeDocument().catch(() => undefined);
  }
}
