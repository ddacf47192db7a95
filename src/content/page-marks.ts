// Deciding and drawing: the blocks that hold names, the document's evidence over them
// (match/resolve.ts, EvidenceCount), the document-level decision, and the marks drawn from it.
// Offsets within a block are the source of truth; ranges are made from them at the edge and
// remade whenever the block is re-read, so one change to the DOM cannot corrupt the rest.
import { EvidenceCount, decide, type Mention, type PageMatcher, type Scan } from '../match/matcher';
import type { Category, Settings } from '../settings/settings';
import { Highlights } from './highlights';
import { sliceDeadline, yieldToPage } from './scheduler';
import type { Root } from './sliced-read';
import { locate, type TextBlock } from './text-collector';

/** A mention drawn now, with its range. */
export interface Shown {
  readonly mention: Mention;
  readonly category: Category;
  readonly range: StaticRange;
}

/** A text block that holds names. */
export interface Block extends TextBlock {
  readonly root: Root;
  readonly scan: Scan;
  /** The mentions drawn now, in text order. */
  shown: Shown[];
  /** Dropped from the page's blocks (its text was removed or is being re-read). */
  removed?: boolean;
}

export class PageMarks {
  readonly #matcher: PageMatcher;
  readonly #onCounts: (counts: Record<string, number>) => void;
  #settings: Settings;
  readonly highlights: Highlights;
  #blocks: Block[] = [];
  readonly #blockOf = new WeakMap<Text, Block>();
  /** Blocks read since the last decision. */
  #undecided: Block[] = [];
  readonly #evidence = new EvidenceCount();
  #lastEvidence = '';
  /**
   * Blocks decided and not drawn yet, with the mentions to draw: a decision over many blocks (the
   * end of a long read: 9 000 marks) is drawn a slice at a time, not in one long task.
   */
  readonly #toDraw = new Map<Block, Mention[]>();
  #drawQueued = false;
  /** Mentions drawn per entity (what the background is told). */
  readonly #counts = new Map<string, number>();
  #lastCounts = '';

  constructor(matcher: PageMatcher, settings: Settings, onCounts: (counts: Record<string, number>) => void) {
    this.#matcher = matcher;
    this.#settings = settings;
    this.#onCounts = onCounts;
    this.highlights = new Highlights(settings);
  }

  /** The blocks kept now, in the order they were read. */
  get blocks(): readonly Block[] {
    return this.#blocks;
  }

  /** The kept block that holds `text`, if any (it may have been removed since). */
  blockOf(text: Text): Block | undefined {
    return this.#blockOf.get(text);
  }

  /** Scans a block just read; a block with names is kept, to be decided, and one with a blocker as evidence. */
  add(text: TextBlock, root: Root): void {
    const scan = this.#matcher.scan(text.text);
    // Most blocks hold no name: they are not kept. A later change to their text is found through
    // the DOM (the mutation's block), not through this list. A block whose only phrase is a
    // blocker ("Moscow, Idaho", "Australian Federal Police") is kept for what it tells the page
    // and the heading over it.
    if (scan.count === 0 && scan.other.length === 0 && scan.blocked.length === 0) return;
    const block: Block = { container: text.container, nodes: text.nodes, starts: text.starts, text: text.text, root, scan, shown: [] };
    this.#blocks.push(block);
    this.#undecided.push(block);
    for (const node of block.nodes) this.#blockOf.set(node, block);
    this.#evidence.add(block.scan);
  }

  /** Drops every block; their marks go at the next decision (or `dispose`). */
  clear(): void {
    for (const block of this.#blocks) this.#remove(block);
    this.#blocks = [];
    this.#undecided = [];
    this.#toDraw.clear();
  }

  /** True when the page shows at least one mark (drawn, not only decided). */
  get showsAny(): boolean {
    return this.#counts.size > 0;
  }

  /** True when every decision made has been drawn. */
  get drawn(): boolean {
    return this.#toDraw.size === 0;
  }

  /** Drops the blocks `stale` says are (they are about to be re-read, or are gone). */
  drop(stale: (block: Block) => boolean): void {
    this.#blocks = this.#blocks.filter((block) => {
      const gone = stale(block);
      if (gone) this.#remove(block);
      return !gone;
    });
  }

  /** Takes a block's drawing and evidence away (it is about to be dropped or re-read). */
  #remove(block: Block): void {
    block.removed = true;
    this.#undraw(block);
    this.#evidence.remove(block.scan);
  }

  /** Applies new settings (categories, styles) to what is drawn. */
  update(settings: Settings): void {
    this.#settings = settings;
    this.highlights.restyle(settings);
    this.decide(true);
  }

  /**
   * The document-level decision. Only new blocks are decided, unless the document's evidence
   * changed (a name confirmed or blocked) or `all` is asked: then every block with candidates.
   * Blocks whose mentions did not change keep their ranges.
   */
  decide(all = false): void {
    const evidence = this.#evidence.evidence();
    const key = [evidence.strong, evidence.probable, evidence.other, evidence.blocked].map((ids) => [...ids].sort().join()).join('|');
    const targets = (all || key !== this.#lastEvidence ? this.#blocks : this.#undecided).filter((b) => !b.removed && (b.scan.count > 0 || b.shown.length > 0));
    this.#lastEvidence = key;
    this.#undecided = [];
    const decided = decide(targets.map((b) => this.#underHeading(b)), evidence);
    targets.forEach((block, i) => {
      const wanted = (decided[i]?.toArray() ?? []).filter((m) => this.#settings.categories[this.#categoryOf(m)]);
      // A newer decision replaces one not drawn yet.
      this.#toDraw.delete(block);
      if (!sameMentions(block.shown, wanted)) this.#toDraw.set(block, wanted);
    });
    this.#draw();
  }

  /**
   * A heading reads with the text under it, as a line with no end of sentence does in a text file
   * (matcher.ts paragraphs): a headline "Moscow votes on a new sales tax" over the story of Moscow,
   * Idaho takes that story's sense, not the page's. Its scan, with the evidence of the blocks in
   * the element after it (or after its nearest ancestor that has one, a <header> say).
   */
  #underHeading(block: Block): Scan {
    let at = headingOf(block.container);
    if (!at) return block.scan;
    let next: Element | null = null;
    for (let up = 0; up < 3 && at && !(next = at.nextElementSibling); up++) at = at.parentElement;
    if (!next) return block.scan;
    const strong = new Set(block.scan.strong);
    const probable = new Set(block.scan.probable);
    const other = new Set(block.scan.other);
    // The blocks of the element's first text nodes (a page of many headlines must not make every
    // heading look at every block).
    const walker = (next.ownerDocument ?? document).createTreeWalker(next, NodeFilter.SHOW_TEXT);
    let b: Block | undefined;
    for (let n = walker.nextNode(), k = 0; n && k < HEADING_TEXT_NODES; n = walker.nextNode(), k++) {
      if ((b = this.#blockOf.get(n as Text)) === undefined || b === block || b.removed) continue;
      for (const id of b.scan.strong) strong.add(id);
      for (const id of b.scan.probable) probable.add(id);
      for (const id of b.scan.other) other.add(id);
    }
    return { ...block.scan, strong: [...strong], probable: [...probable], other: [...other] };
  }

  /**
   * Draws what has been decided, for one slice; what is left is drawn after yielding to the page.
   * Every removal (a block re-read or dropped, a page read again) is followed by a decision in the
   * same task: the marks that went are taken off here, together.
   */
  #draw(): void {
    const shouldYield = sliceDeadline();
    for (const [block, wanted] of this.#toDraw) {
      this.#toDraw.delete(block);
      if (block.removed) continue;
      this.#undraw(block);
      // A mention drawn where it was before (its block read again) keeps its range (Highlights.add).
      block.shown = wanted.map((mention) => {
        const category = this.#categoryOf(mention);
        this.#counts.set(mention.entity, (this.#counts.get(mention.entity) ?? 0) + 1);
        return { mention, category, range: this.highlights.add(category, rangeOf(block, mention)) };
      });
      if (shouldYield()) break;
    }
    this.highlights.commit();
    if (this.#toDraw.size === 0) {
      this.report(); // what the page shows, once it is all drawn
    } else if (!this.#drawQueued) {
      this.#drawQueued = true;
      void yieldToPage().then(() => {
        this.#drawQueued = false;
        this.#draw();
      });
    }
  }

  #categoryOf(mention: Mention): Category {
    return (this.#matcher.entity(mention.entity)?.type ?? 'event') as Category;
  }

  #undraw(block: Block): void {
    for (const { category, range, mention } of block.shown) {
      this.highlights.delete(category, range);
      const n = (this.#counts.get(mention.entity) ?? 0) - 1;
      if (n > 0) this.#counts.set(mention.entity, n);
      else this.#counts.delete(mention.entity);
    }
    block.shown = [];
  }

  /** Tells `onCounts` the mentions drawn per entity, when they changed since last told. */
  report(): void {
    const counts = Object.fromEntries([...this.#counts].sort(([a], [b]) => (a < b ? -1 : 1)));
    const key = JSON.stringify(counts);
    if (key === this.#lastCounts) return;
    this.#lastCounts = key;
    this.#onCounts(counts);
  }
}

function sameMentions(shown: readonly Shown[], wanted: readonly Mention[]): boolean {
  if (shown.length !== wanted.length) return false;
  return shown.every(({ mention }, i) => mention.start === wanted[i]!.start && mention.end === wanted[i]!.end && mention.entity === wanted[i]!.entity);
}

function rangeOf(block: TextBlock, mention: Mention): StaticRange {
  const start = locate(block, mention.start)!;
  const end = locate(block, mention.end, true)!;
  return new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
}

/** How many text nodes of the element after a heading are read for its evidence. */
const HEADING_TEXT_NODES = 64;

/** The heading element a block's text flows in (h1-h6, or an element with role="heading"), or null. */
function headingOf(container: Node): Element | null {
  const element = container as Partial<Element>;
  if (typeof element.localName !== 'string') return null;
  return /^h[1-6]$/.test(element.localName) || element.getAttribute?.('role') === 'heading' ? (container as Element) : null;
}
