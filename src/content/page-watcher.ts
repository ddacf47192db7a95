// Watching the page: a mutation observer on every root read, collecting the nodes whose text
// changed, and the page's address, whose change (a single-page navigation) means a new document.
// Changes are batched per frame and handed on as the blocks to read again.
import type { Root } from './sliced-read';
import { blockOf, isInSkippedSubtree, isInlineElement } from './text-collector';
import { atNextFrame, later } from './scheduler';

/** What changed since the last read: the block containers to read again. */
export interface Changes {
  /** Block elements added or changed as a whole: read again with all inside them (none inside another). */
  readonly outer: readonly Node[];
  /**
   * Containers whose own text changed (text or inline content added, changed or removed): only their
   * own text is read again, not the blocks inside them — a line appended to <body> reads that line,
   * not the page. None is inside one of `outer`.
   */
  readonly own: readonly Node[];
  /** Changed nodes no longer in the page: blocks in them are gone. */
  readonly dropped: ReadonlySet<Node>;
}

export class PageWatcher {
  readonly #roots = new Set<Root>();
  readonly #observers: MutationObserver[] = [];
  readonly #dirty = new Set<Node>();
  /** Dirty containers that lost text of their own (removed inline content): their own text is read again. */
  readonly #ownContainers = new Set<Node>();
  #flushQueued = false;
  #lastAddress = '';
  /** The container of the kept block holding `text`, if any (to re-read it when text goes). */
  readonly #containerOf: (text: Text) => Node | undefined;
  /** Called, at most once per frame, when there are changes (or a new address) to read. */
  readonly #onFlush: () => void;

  constructor(containerOf: (text: Text) => Node | undefined, onFlush: () => void) {
    this.#containerOf = containerOf;
    this.#onFlush = onFlush;
  }

  /** Starts observing `root`; true when it was not observed yet. */
  observe(root: Root): boolean {
    if (this.#roots.has(root)) return false;
    this.#roots.add(root);
    const observer = new MutationObserver((records) => this.#onMutations(records));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.#observers.push(observer);
    return true;
  }

  /** True for a root being observed (one that has been read). */
  has(root: Node): boolean {
    return this.#roots.has(root as Root);
  }

  /** A read of the whole document starts: what changed before it is read by it. */
  startOver(): void {
    this.#lastAddress = documentAddress();
    this.#dirty.clear();
    this.#ownContainers.clear();
  }

  /** Stops observing and forgets every root and change. */
  stop(): void {
    for (const observer of this.#observers) observer.disconnect();
    this.#observers.length = 0;
    this.#roots.clear();
    this.#dirty.clear();
    this.#ownContainers.clear();
  }

  /** True when the address is not the one read last (a single-page navigation). */
  get navigated(): boolean {
    return documentAddress() !== this.#lastAddress;
  }

  /** True when nothing waits to be read: no change, no new address, no flush queued. */
  get quiet(): boolean {
    return this.#dirty.size === 0 && !this.navigated && !this.#flushQueued;
  }

  /** Takes the changes collected so far (see Changes). */
  takeChanges(): Changes {
    const blocks: Node[] = [];
    const own = new Set<Node>();
    for (const node of this.#dirty) {
      const root = node.getRootNode();
      if (!node.isConnected || !this.#roots.has(root as Root) || isInSkippedSubtree(node)) continue;
      // A changed block element is read whole; changed inline text, its block's own text.
      if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) blocks.push(node);
      else own.add(this.#ownContainers.has(node) ? node : blockOf(node, root));
    }
    const dropped = new Set<Node>([...this.#dirty].filter((n) => !n.isConnected));
    this.#dirty.clear();
    this.#ownContainers.clear();
    const outer = outermost(blocks);
    const whole = new Set(outer);
    return { outer, own: [...own].filter((container) => !withinAny(container, whole)), dropped };
  }

  #onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.#dirty.add(record.target);
      for (const node of record.addedNodes) if (!isEmptyElement(node)) this.#dirty.add(node);
      for (const node of record.removedNodes) this.#markRemoved(node);
    }
    this.scheduleFlush();
  }

  /** Queues a flush when text changed, or when the address did (a single-page navigation). */
  scheduleFlush(): void {
    if ((this.#dirty.size === 0 && !this.navigated) || this.#flushQueued) return;
    // A frame removed from its page (or a tab closed) in the task that changed its text: there is
    // nothing more to read, and no timer to set (scheduler.ts later).
    if (window.closed) return void this.stop();
    this.#flushQueued = true;
    // Batched per frame; a hidden tab gets no frames, so a timer stands in.
    const flush = () => {
      if (!this.#flushQueued) return;
      this.#flushQueued = false;
      this.#onFlush();
    };
    atNextFrame(flush);
    later(flush, 200);
  }

  /** A removed subtree: the blocks that lost text are re-read (or dropped when gone entirely). */
  #markRemoved(node: Node): void {
    const visit = (text: Text) => {
      const container = this.#containerOf(text);
      if (!container) return;
      this.#dirty.add(container);
      this.#ownContainers.add(container);
    };
    if (node.nodeType === Node.TEXT_NODE) return visit(node as Text);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) visit(text as Text);
  }
}

/**
 * `nodes` without those inside another of them: each node's ancestors are looked up in a set, so
 * the cost is the number of nodes times the depth of the tree, never the number of nodes squared
 * (a flush of thousands of changed blocks).
 */
export function outermost(nodes: Iterable<Node>): Node[] {
  const all = new Set(nodes);
  return [...all].filter((node) => node.parentNode === null || !withinAny(node.parentNode, all));
}

/** Whether `node` is one of `set` or inside one of them (in its own tree: shadow roots end the climb). */
export function withinAny(node: Node, set: ReadonlySet<Node>): boolean {
  for (let at: Node | null = node; at; at = at.parentNode) if (set.has(at)) return true;
  return false;
}

/**
 * An element added without any content: it brings no text (an ad slot, a tracking pixel, a
 * script's marker appended to <body>), and reading its block again would read the whole body.
 * Not <br>, which breaks a line of its block's text, nor a host of a shadow tree. Its content, when
 * it comes, is a mutation of its own.
 */
function isEmptyElement(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const element = node as Element;
  return element.firstChild === null && element.shadowRoot === null && element.localName !== 'br';
}

/** The page's address without its fragment: a change means a new document to read. */
function documentAddress(): string {
  return location.origin + location.pathname + location.search;
}
