// Page annotation: page text → blocks → scans → document-level decision → ranges → highlights.
// The annotator wires the parts: the sliced read (sliced-read.ts), watching the page for changes
// and navigation (page-watcher.ts), deciding and drawing (page-marks.ts, with the document's
// evidence counted by match/resolve.ts) and hit testing (hit-test.ts).
import type { PageMatcher } from '../match/matcher';
import type { Settings } from '../settings/settings';
import { hitTest, inDocumentOrder, type DrawnMarks, type Hit } from './hit-test';
import { PageMarks, type Shown } from './page-marks';
import { PageWatcher, withinAny } from './page-watcher';
import { freshAtTop, readSliced, visiblePart, type ReadSteps } from './sliced-read';

export type { Hit } from './hit-test';

export class Annotator {
  readonly #marks: PageMarks;
  readonly #watcher: PageWatcher;
  /** Where hit testing finds the drawn mentions. */
  readonly #drawn: DrawnMarks = {
    blockOf: (text) => this.#marks.blockOf(text),
    inShadow: (shadow) => (this.#watcher.has(shadow) ? this.#marks.blocks.filter((b) => b.root === shadow).flatMap((b): Shown[] => b.shown) : []),
  };
  /** A read is under way (see #exclusively). */
  #reading = false;
  /** Bumped by every full read and by stop(): a running pass that sees a new value gives up. */
  #generation = 0;

  constructor(matcher: PageMatcher, settings: Settings, onCounts: (counts: Record<string, number>) => void) {
    this.#marks = new PageMarks(matcher, settings, onCounts);
    this.#watcher = new PageWatcher(
      (text) => this.#marks.blockOf(text)?.container,
      () => void this.#flush(),
    );
  }

  /** Reads the whole document (again), a slice at a time; resolves when done or superseded. */
  async readAll(): Promise<void> {
    const generation = ++this.#generation;
    this.#watcher.startOver();
    this.#marks.clear();
    // The first read of a page just opened is at its top: no need to ask the layout where it is.
    const visible = (generation === 1 && freshAtTop() ? null : visiblePart()) ?? [];
    await this.#exclusively(generation, () => readSliced([...visible, document], this.#steps(generation), new Set(visible)));
  }

  /**
   * True once the page as it is now has been read and drawn: a full read has run, none is under
   * way, no change or new address waits to be read, and all that was decided is drawn.
   */
  get pageRead(): boolean {
    return this.#generation > 0 && !this.#reading && this.#watcher.quiet && this.#marks.drawn;
  }

  /** What a read of this generation does with the blocks it finds. */
  #steps(generation: number): ReadSteps {
    return {
      enter: (root) => {
        if (this.#watcher.observe(root)) this.#marks.highlights.styleRoot(root);
      },
      block: (block, root) => this.#marks.add(block, root),
      draw: () => {
        this.#marks.decide();
        return this.#marks.showsAny;
      },
      current: () => generation === this.#generation,
    };
  }

  /**
   * Runs one read at a time. Two reads over the same text would both add its blocks (marks drawn
   * twice); changes made meanwhile wait in the watcher and are read when this one ends.
   */
  async #exclusively(generation: number, read: () => Promise<void>): Promise<void> {
    this.#reading = true;
    try {
      await read();
    } finally {
      if (generation === this.#generation) {
        this.#reading = false;
        this.#watcher.scheduleFlush();
      }
    }
  }

  /** Stops all work and removes every highlight, stylesheet and observer. */
  stop(): void {
    this.#generation++;
    this.#reading = false;
    this.#watcher.stop();
    this.#marks.clear();
    this.#marks.highlights.dispose();
    this.#marks.report();
  }

  /** Applies new settings (categories, styles) to what is drawn, without re-reading the page. */
  update(settings: Settings): void {
    this.#marks.update(settings);
  }

  /** Re-registers highlights the page removed from CSS.highlights. */
  ensureRegistered(): void {
    this.#marks.highlights.ensureRegistered();
  }

  /** Draws `hit` as the mention under the pointer (null: draws none). */
  showFocus(hit: Hit | null): void {
    this.#marks.highlights.setFocus(hit?.range ?? null);
  }

  /** Reads again what changed since the last read (or everything, after a navigation). */
  async #flush(): Promise<void> {
    if (this.#reading) return; // the read under way flushes when it ends
    if (this.#watcher.navigated) return this.readAll(); // a single-page navigation
    const { outer, own, dropped } = this.#watcher.takeChanges();
    const whole = new Set(outer);
    const ownOnly = new Set(own);
    this.#marks.drop((block) => dropped.has(block.container) || withinAny(block.container, whole) || ownOnly.has(block.container) || !block.nodes[0]!.isConnected);
    const generation = this.#generation;
    await this.#exclusively(generation, async () => {
      await readSliced([...outer, ...own], this.#steps(generation), new Set(), ownOnly);
      this.#marks.decide();
    });
  }

  /** The mention drawn at viewport point (x, y), if the point is really on its text. */
  hitTest(x: number, y: number): Hit | null {
    return hitTest(this.#drawn, x, y);
  }

  /** Every drawn mention, in document order. */
  allMentions(): StaticRange[] {
    return inDocumentOrder(this.#marks.blocks.flatMap((b) => b.shown.map((s) => s.range)));
  }

  /** The drawn mentions of `entity`, in document order. */
  mentionsOf(entity: string): StaticRange[] {
    return inDocumentOrder(this.#marks.blocks.flatMap((b) => b.shown.filter((s) => s.mention.entity === entity).map((s) => s.range)));
  }
}
