// Page annotation: page text → blocks → scans → document-level decision → ranges → highlights.
// Offsets within a block are the source of truth; ranges are made from them at the edge and
// remade whenever the block is re-read, so one change to the DOM cannot corrupt the rest.
import { decide, type Evidence, type Matcher, type Mention, type Scan } from '../match/matcher';
import type { Category, Settings } from '../settings/settings';
import { Highlights } from './highlights';
import { sliceDeadline, yieldToPage } from './scheduler';
import { BlockWalker, blockOf, isInSkippedSubtree, isInlineElement, locate, type TextBlock } from './text-collector';

type Root = Document | ShadowRoot;

/** How often a long read draws what it has found so far. */
const DRAW_INTERVAL_MS = 1000;

interface Block extends TextBlock {
  readonly root: Root;
  readonly scan: Scan;
  /** The mentions drawn now, each with its range, in text order. */
  shown: { readonly mention: Mention; readonly category: Category; readonly range: StaticRange }[];
  /** Dropped from the page's blocks (its text was removed or is being re-read). */
  removed?: boolean;
}

/** A mention found under a point, with the live range and the line box under the pointer. */
export interface Hit {
  readonly mention: Mention;
  readonly range: Range;
  readonly rect: DOMRect;
}

export class Annotator {
  readonly #matcher: Matcher;
  readonly #onCounts: (counts: Record<string, number>) => void;
  #settings: Settings;
  readonly #highlights: Highlights;
  #blocks: Block[] = [];
  readonly #blockOf = new WeakMap<Text, Block>();
  readonly #roots = new Set<Root>();
  readonly #observers: MutationObserver[] = [];
  readonly #dirty = new Set<Node>();
  #flushQueued = false;
  /** A read is under way (see #exclusively). */
  #reading = false;
  /** Bumped by every full read and by stop(): a running pass that sees a new value gives up. */
  #generation = 0;
  #lastAddress = '';
  #lastCounts = '';
  /** Blocks read since the last decision. */
  #undecided: Block[] = [];
  /** How many blocks give each entity strong, probable or blocked evidence. */
  readonly #evidence = { strong: new Map<string, number>(), probable: new Map<string, number>(), blocked: new Map<string, number>() };
  #lastEvidence = '';
  /** Mentions drawn per entity (what the background is told). */
  readonly #counts = new Map<string, number>();

  constructor(matcher: Matcher, settings: Settings, onCounts: (counts: Record<string, number>) => void) {
    this.#matcher = matcher;
    this.#settings = settings;
    this.#onCounts = onCounts;
    this.#highlights = new Highlights(settings);
  }

  /** Reads the whole document (again), a slice at a time; resolves when done or superseded. */
  async readAll(): Promise<void> {
    const generation = ++this.#generation;
    this.#lastAddress = documentAddress();
    for (const block of this.#blocks) this.#remove(block);
    this.#blocks = [];
    this.#undecided = [];
    this.#dirty.clear();
    const visible = visiblePart() ?? [];
    await this.#exclusively(generation, () => this.#read([...visible, document], generation, new Set(visible)));
  }

  /**
   * Runs one read at a time. Two reads over the same text would both add its blocks (marks drawn
   * twice); changes made meanwhile wait in #dirty and are read when this one ends.
   */
  async #exclusively(generation: number, read: () => Promise<void>): Promise<void> {
    this.#reading = true;
    try {
      await read();
    } finally {
      if (generation === this.#generation) {
        this.#reading = false;
        this.#scheduleFlush();
      }
    }
  }

  /** Stops all work and removes every highlight, stylesheet and observer. */
  stop(): void {
    this.#generation++;
    this.#reading = false;
    for (const observer of this.#observers) observer.disconnect();
    this.#observers.length = 0;
    this.#roots.clear();
    for (const block of this.#blocks) this.#remove(block);
    this.#blocks = [];
    this.#undecided = [];
    this.#dirty.clear();
    this.#highlights.dispose();
    this.#report();
  }

  /** Applies new settings (categories, styles) to what is drawn, without re-reading the page. */
  update(settings: Settings): void {
    this.#settings = settings;
    this.#highlights.restyle(settings);
    this.#decide(true);
  }

  /** Re-registers highlights the page removed from CSS.highlights. */
  ensureRegistered(): void {
    this.#highlights.ensureRegistered();
  }

  /** Shows `hit` as the mention under the pointer (null: none). */
  focus(hit: Hit | null): void {
    this.#highlights.setFocus(hit?.range ?? null);
  }

  /** Reads `roots` in order; `readFirst` are subtrees of a later root, read on their own before it. */
  async #read(roots: Node[], generation: number, readFirst: ReadonlySet<Node> = new Set()): Promise<void> {
    const walkers: { walker: BlockWalker; root: Root }[] = [];
    for (const root of roots) this.#enqueue(root, walkers, readFirst.has(root) ? undefined : readFirst);
    let drawn = -Infinity;
    while (walkers.length > 0) {
      const shouldYield = sliceDeadline();
      while (walkers.length > 0 && !shouldYield()) {
        const walker = walkers[0]!;
        for (const block of walker.walker.next(shouldYield)) this.#add(block, walker.root);
        if (walker.walker.done) walkers.shift();
      }
      // Every change to a registered highlight makes the browser repaint-check the whole page
      // (Chromium 156's PrePaint: ~60 ms on the 6 MB stress page), so the first slice — the top
      // of the page, what a fresh load shows — is drawn at once, the rest when the read ends (or
      // once a second on a page that takes longer).
      if (walkers.length === 0 || performance.now() - drawn >= DRAW_INTERVAL_MS) {
        this.#decide();
        drawn = performance.now();
      }
      if (walkers.length === 0) break;
      await yieldToPage();
      if (generation !== this.#generation) return;
    }
  }

  /** Queues a walk of `start`; open shadow roots met on the way are queued behind it. */
  #enqueue(start: Node, queue: { walker: BlockWalker; root: Root }[], skip?: ReadonlySet<Node>): void {
    const root = start.getRootNode() as Root;
    this.#observe(root);
    queue.push({ walker: new BlockWalker(start, (shadow) => this.#enqueue(shadow, queue), skip), root });
  }

  #observe(root: Root): void {
    if (this.#roots.has(root)) return;
    this.#roots.add(root);
    this.#highlights.styleRoot(root);
    const observer = new MutationObserver((records) => this.#onMutations(records));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.#observers.push(observer);
  }

  #add(text: TextBlock, root: Root): void {
    const scan = this.#matcher.scan(text.text);
    // Most blocks hold no name: they are not kept. A later change to their text is found through
    // the DOM (the mutation's block), not through this list.
    if (scan.count === 0) return;
    const block: Block = { container: text.container, nodes: text.nodes, starts: text.starts, text: text.text, root, scan, shown: [] };
    this.#blocks.push(block);
    this.#undecided.push(block);
    for (const node of block.nodes) this.#blockOf.set(node, block);
    this.#count(block.scan, 1);
  }

  /** Takes a block's drawing and evidence away (it is about to be dropped or re-read). */
  #remove(block: Block): void {
    block.removed = true;
    this.#undraw(block);
    this.#count(block.scan, -1);
  }

  #count(scan: Scan, delta: 1 | -1): void {
    const add = (map: Map<string, number>, ids: readonly string[]) => {
      for (const id of ids) {
        const n = (map.get(id) ?? 0) + delta;
        if (n > 0) map.set(id, n);
        else map.delete(id);
      }
    };
    add(this.#evidence.strong, scan.strong);
    add(this.#evidence.probable, scan.probable);
    add(this.#evidence.blocked, scan.blocked);
  }

  /** The document's evidence now (the engine's rule: probable counts unless blocked). */
  #currentEvidence(): Evidence {
    const { strong, probable, blocked } = this.#evidence;
    const all = new Set(strong.keys());
    for (const id of probable.keys()) if (!blocked.has(id)) all.add(id);
    return { strong: all, blocked: new Set(blocked.keys()) };
  }

  /**
   * The document-level decision. Only new blocks are decided, unless the document's evidence
   * changed (a name confirmed or blocked) or `all` is asked: then every block with candidates.
   * Blocks whose mentions did not change keep their ranges.
   */
  #decide(all = false): void {
    const evidence = this.#currentEvidence();
    const key = [...evidence.strong].sort().join() + '|' + [...evidence.blocked].sort().join();
    const targets = (all || key !== this.#lastEvidence ? this.#blocks : this.#undecided).filter((b) => !b.removed && (b.scan.count > 0 || b.shown.length > 0));
    this.#lastEvidence = key;
    this.#undecided = [];
    const decided = decide(targets.map((b) => b.scan), evidence);
    targets.forEach((block, i) => {
      const wanted = (decided[i]?.toArray() ?? []).filter((m) => this.#settings.categories[this.#categoryOf(m)]);
      if (sameMentions(block.shown, wanted)) return;
      this.#undraw(block);
      block.shown = wanted.map((mention) => ({ mention, category: this.#categoryOf(mention), range: this.#range(block, mention) }));
      for (const { category, range, mention } of block.shown) {
        this.#highlights.add(category, range);
        this.#counts.set(mention.entity, (this.#counts.get(mention.entity) ?? 0) + 1);
      }
    });
    // Every removal (a block re-read or dropped, a page read again) is followed by a decision in
    // the same task: the marks that went are taken off here, together.
    this.#highlights.commit();
    this.#report();
  }

  #categoryOf(mention: Mention): Category {
    return (this.#matcher.entity(mention.entity)?.type ?? 'event') as Category;
  }

  #range(block: TextBlock, mention: Mention): StaticRange {
    const start = locate(block, mention.start)!;
    const end = locate(block, mention.end, true)!;
    return new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
  }

  #undraw(block: Block): void {
    for (const { category, range, mention } of block.shown) {
      this.#highlights.delete(category, range);
      const n = (this.#counts.get(mention.entity) ?? 0) - 1;
      if (n > 0) this.#counts.set(mention.entity, n);
      else this.#counts.delete(mention.entity);
    }
    block.shown = [];
  }

  #report(): void {
    const counts = Object.fromEntries([...this.#counts].sort(([a], [b]) => (a < b ? -1 : 1)));
    const key = JSON.stringify(counts);
    if (key === this.#lastCounts) return;
    this.#lastCounts = key;
    this.#onCounts(counts);
  }

  #onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.#dirty.add(record.target);
      for (const node of record.addedNodes) if (!isEmptyElement(node)) this.#dirty.add(node);
      for (const node of record.removedNodes) this.#markRemoved(node);
    }
    this.#scheduleFlush();
  }

  /** Queues a flush when text changed, or when the address did (a single-page navigation). */
  #scheduleFlush(): void {
    if ((this.#dirty.size === 0 && documentAddress() === this.#lastAddress) || this.#flushQueued) return;
    this.#flushQueued = true;
    // Batched per frame; a hidden tab gets no frames, so a timer stands in.
    const flush = () => {
      if (!this.#flushQueued) return;
      this.#flushQueued = false;
      void this.#flush();
    };
    requestAnimationFrame(flush);
    setTimeout(flush, 200);
  }

  /** A removed subtree: the blocks that lost text are re-read (or dropped when gone entirely). */
  #markRemoved(node: Node): void {
    const visit = (text: Text) => {
      const block = this.#blockOf.get(text);
      if (block) this.#dirty.add(block.container);
    };
    if (node.nodeType === Node.TEXT_NODE) return visit(node as Text);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) visit(text as Text);
  }

  async #flush(): Promise<void> {
    if (this.#reading) return; // the read under way flushes when it ends
    if (documentAddress() !== this.#lastAddress) return this.readAll(); // a single-page navigation
    const containers: Node[] = [];
    for (const node of this.#dirty) {
      const root = node.getRootNode();
      if (!node.isConnected || !this.#roots.has(root as Root) || isInSkippedSubtree(node)) continue;
      // A changed block element is read on its own; changed inline text re-reads its block.
      containers.push(node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element) ? node : blockOf(node, root));
    }
    const dropped = new Set<Node>([...this.#dirty].filter((n) => !n.isConnected));
    this.#dirty.clear();
    const unique = [...new Set(containers)];
    const outer = unique.filter((c) => !unique.some((o) => o !== c && o.contains(c)));
    this.#blocks = this.#blocks.filter((block) => {
      const stale = dropped.has(block.container) || outer.some((c) => c === block.container || c.contains(block.container)) || !block.nodes[0]!.isConnected;
      if (stale) this.#remove(block);
      return !stale;
    });
    const generation = this.#generation;
    await this.#exclusively(generation, async () => {
      await this.#read(outer, generation);
      this.#decide();
    });
  }

  /** The mention drawn at viewport point (x, y), if the point is really on its text. */
  hitTest(x: number, y: number): Hit | null {
    const caret = caretAt(x, y);
    const block = caret && this.#blockOf.get(caret.node);
    const candidates = block
      ? block.shown.filter(({ mention }) => {
          const offset = block.starts[block.nodes.indexOf(caret.node)]! + caret.offset;
          return mention.start <= offset && offset <= mention.end;
        })
      : this.#shadowCandidates(x, y);
    for (const { mention, range: r } of candidates) {
      const range = liveRange(r);
      // The caret lands on the nearest character even past the end of a line or between lines:
      // only a point inside one of the mention's own line boxes is a hit.
      for (const rect of range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return { mention, range, rect };
      }
    }
    return null;
  }

  /** Mentions in shadow roots under the point: the caret APIs stop at the shadow host. */
  #shadowCandidates(x: number, y: number): Block['shown'] {
    const host = document.elementFromPoint(x, y);
    const shadow = host?.shadowRoot;
    if (!shadow || !this.#roots.has(shadow)) return [];
    return this.#blocks.filter((b) => b.root === shadow).flatMap((b) => b.shown);
  }

  /** The drawn mentions of `entity`, in document order. */
  mentionsOf(entity: string): StaticRange[] {
    const ranges = this.#blocks.flatMap((b) => b.shown.filter((s) => s.mention.entity === entity).map((s) => s.range));
    return ranges.sort((a, b) =>
      a.startContainer === b.startContainer ? a.startOffset - b.startOffset : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
  }
}

function sameMentions(shown: Block['shown'], wanted: readonly Mention[]): boolean {
  if (shown.length !== wanted.length) return false;
  return shown.every(({ mention }, i) => mention.start === wanted[i]!.start && mention.end === wanted[i]!.end && mention.entity === wanted[i]!.entity);
}

/**
 * On a page already scrolled (a reload that restored the position, a single-page navigation, an
 * anchor), the elements in view — the children of one ancestor, from the one at the top of the
 * viewport to the one at the bottom — read before the rest so the reader's marks come first.
 * Null at the top of the page, where document order is visible order (and asking for layout
 * would force it early).
 */
function visiblePart(): Element[] | null {
  if (scrollY === 0 || !document.body) return null;
  // The first content element met going down from the top edge, and up from the bottom edge
  // (margins and the space after the last line hit <body> or <html>).
  const at = (from: number, step: number) => {
    for (let y = from; y >= 0 && y < innerHeight; y += step) {
      const element = document.elementFromPoint(innerWidth / 2, y);
      if (element && element !== document.body && element !== document.documentElement) return element;
    }
    return null;
  };
  const top = at(1, 16);
  const bottom = at(innerHeight - 2, -16);
  if (!top || !bottom) return null;
  const range = document.createRange();
  range.setStartBefore(top);
  range.setEndAfter(bottom);
  const common = range.commonAncestorContainer;
  const childOf = (element: Element) => {
    let node: Element | null = element;
    while (node && node.parentNode !== common) node = node.parentElement;
    return node;
  };
  if (common === top || common === bottom) return isInSkippedSubtree(common) ? null : [common as Element];
  const first = childOf(top);
  const last = childOf(bottom);
  const part: Element[] = [];
  for (let node: Element | null = first; node; node = node.nextElementSibling) {
    if (!isInSkippedSubtree(node)) part.push(node);
    if (node === last) break;
  }
  return part.length > 0 ? part : null;
}

/** A live Range over a drawn mention's static range (for geometry, or to hand to the card). */
export function liveRange(r: AbstractRange): Range {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
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

/** The text position under a viewport point (caretPositionFromPoint where present). */
function caretAt(x: number, y: number): { node: Text; offset: number } | null {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position?.offsetNode.nodeType === Node.TEXT_NODE ? { node: position.offsetNode as Text, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range?.startContainer.nodeType === Node.TEXT_NODE ? { node: range.startContainer as Text, offset: range.startOffset } : null;
}
