// Draws the marks with the CSS Custom Highlight API: one Highlight per style name in use (the
// categories drawn in the same style share it), plus one for the mention under the pointer. The
// page's DOM is never touched: no wrapper elements, no split text nodes, no attributes. The
// highlights' names are this document's own (highlight-names.ts). The only thing added here is a
// constructed stylesheet with the ::highlight() rules, adopted by each open shadow root the
// annotator reads; the document gets the same rules from the background (content/index.ts).
import type { Category, Settings } from '../settings/settings';
import { CATEGORIES } from '../settings/settings';
import { FOCUS_KEY, styleKey } from '../settings/mark-styles';
import { pageHighlightNames } from './highlight-names';

type StyleRoot = Document | ShadowRoot;

/**
 * From this many deletes in one commit, a highlight is cleared and refilled rather than deleted
 * from range by range. In Firefox 153, k deletes from a highlight of n ranges take about
 * k × n × 18 ns and a refill about n × 2 µs, so a refill wins from about 110 deletes; in Chromium
 * both are cheap.
 */
const REBUILD_AFTER = 64;

export class Highlights {
  /** The ranges of each category, kept so that a change of style can move them. */
  readonly #ranges = new Map<Category, Set<AbstractRange>>(CATEGORIES.map((c) => [c, new Set()]));
  /**
   * Ranges deleted from #ranges but still in their Highlight until `commit`, by start node and
   * offset: a block read again draws most of its mentions where they were, and `add` takes the
   * drawn range back instead of deleting it and adding its copy.
   */
  readonly #pending = new Map<Category, Map<Node, Map<number, AbstractRange>>>(CATEGORIES.map((c) => [c, new Map()]));
  /** One Highlight per style name in use (two categories may share a style). */
  readonly #byName = new Map<string, Highlight>();
  #nameOf = new Map<Category, string>();
  readonly #focus = new Highlight();
  /** The range in #focus. */
  #focused: AbstractRange | null = null;
  #sheet: CSSStyleSheet | null = null;
  readonly #styled = new Set<StyleRoot>();
  /** The settings last given, applied from the first mark on. */
  #settings: Settings;
  /**
   * Whether anything has been drawn yet. Until then nothing is made or registered: no names, no
   * stylesheet, no empty Highlight in CSS.highlights (most frames never hold a name).
   */
  #live = false;

  constructor(settings: Settings) {
    this.#settings = settings;
    this.#focus.priority = 1;
  }

  /** From the first mark on: the highlights made and registered under this document's names. */
  #wake(): void {
    if (this.#live) return;
    this.#live = true;
    this.restyle(this.#settings);
  }

  /**
   * Draws `range` as a mention of `category`; returns the range drawn: `range`, or the one with
   * the same bounds deleted since the last commit, which is then simply kept.
   */
  add(category: Category, range: AbstractRange): AbstractRange {
    this.#wake();
    const pending = this.#pending.get(category)!.get(range.startContainer);
    const kept = pending?.get(range.startOffset);
    const drawn = kept && sameBounds(kept, range) ? kept : range;
    if (drawn === kept) pending!.delete(range.startOffset);
    else this.#highlight(category).add(range);
    this.#ranges.get(category)!.add(drawn);
    return drawn;
  }

  /** Stops drawing `range` (when `commit` is called: see there). */
  delete(category: Category, range: AbstractRange): void {
    if (!this.#ranges.get(category)!.delete(range)) return;
    const byNode = this.#pending.get(category)!;
    let byOffset = byNode.get(range.startContainer);
    if (!byOffset) byNode.set(range.startContainer, (byOffset = new Map<number, AbstractRange>()));
    // Two drawn ranges of a category never start at one place; should they, the first goes now.
    const earlier = byOffset.get(range.startOffset);
    if (earlier) this.#highlight(category).delete(earlier);
    byOffset.set(range.startOffset, range);
  }

  /**
   * Applies the deletes since the last commit. Firefox 153 deletes a range from a Highlight in
   * time linear in its size (18 000 deletes from a highlight of 18 000 ranges: 2.9 s in one task,
   * while `clear` takes 1 ms and adding them all back 35 ms), so many deletes at once (a page read
   * again, a changed decision) rebuild the highlight from the ranges kept here instead.
   */
  commit(): void {
    for (const [category, byNode] of this.#pending) {
      const pending = [...byNode.values()].flatMap((byOffset) => [...byOffset.values()]);
      byNode.clear();
      if (pending.length === 0) continue;
      const highlight = this.#highlight(category);
      if (pending.length < REBUILD_AFTER) {
        for (const range of pending) highlight.delete(range);
      } else {
        highlight.clear();
        // Two categories may share a style, and so a Highlight: it gets all of their ranges back.
        const name = this.#nameOf.get(category);
        for (const [other, ranges] of this.#ranges) if (this.#nameOf.get(other) === name) for (const range of ranges) highlight.add(range);
      }
    }
  }

  #highlight(category: Category): Highlight {
    const name = this.#nameOf.get(category)!;
    let highlight = this.#byName.get(name);
    if (!highlight) {
      highlight = new Highlight();
      this.#byName.set(name, highlight);
    }
    return highlight;
  }

  /**
   * Makes sure `root` has the ::highlight() rules (once per root). The document has them from the
   * background (content/index.ts); an open shadow root needs its own copy, since highlight
   * pseudo-elements are styled by the tree their text is in.
   */
  styleRoot(root: StyleRoot): void {
    if (root.nodeType === Node.DOCUMENT_NODE || this.#styled.has(root)) return;
    this.#styled.add(root);
    if (!this.#sheet) {
      this.#sheet = new CSSStyleSheet();
      this.#sheet.replaceSync(pageHighlightNames().css);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
  }

  /** Draws every category in its style from `settings`. */
  restyle(settings: Settings): void {
    this.#settings = settings;
    if (!this.#live) return;
    const names = pageHighlightNames();
    // The highlights are built anew from #ranges, which no longer holds the pending deletes.
    for (const pending of this.#pending.values()) pending.clear();
    for (const name of this.#byName.keys()) CSS.highlights.delete(name);
    this.#byName.clear();
    this.#nameOf = new Map(CATEGORIES.map((c) => [c, names.of(styleKey(settings.marks[c].style, settings.marks[c].colour))]));
    for (const [category, ranges] of this.#ranges) {
      const highlight = this.#highlight(category);
      for (const range of ranges) highlight.add(range);
    }
    this.ensureRegistered();
  }

  /** Re-registers whatever the page removed from CSS.highlights (a page may clear it). */
  ensureRegistered(): void {
    if (!this.#live) return;
    for (const [name, highlight] of this.#byName) {
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
    const focus = pageHighlightNames().of(FOCUS_KEY);
    if (CSS.highlights.get(focus) !== this.#focus) CSS.highlights.set(focus, this.#focus);
  }

  /**
   * Marks `range` as the mention under the pointer (null: none). Called on every frame
   * the pointer moves: when the mention is the one already marked, nothing changes, so that the
   * browser has nothing to repaint.
   */
  setFocus(range: AbstractRange | null): void {
    // Workaround: Firefox 153 cannot iterate a Highlight from a content script: Xray wrappers drop
    // the setlike iterator (https://bugzilla.mozilla.org/show_bug.cgi?id=1023984), so the focused
    // range is kept here rather than read back from #focus.
    // Remove when: Firefox iterates WebIDL setlikes through Xrays (that bug fixed, in the minimum
    // Firefox); a copy kept here costs nothing, so this may also stay.
    const current = this.#focused;
    if (current && range ? sameBounds(current, range) : !current && !range) return;
    if (range) this.#wake();
    this.#focused = range;
    this.#focus.clear();
    if (range) this.#focus.add(range);
  }

  /** Removes every highlight and stylesheet Hashiya added. */
  dispose(): void {
    for (const [name, highlight] of this.#byName) {
      CSS.highlights.delete(name);
      highlight.clear();
    }
    if (this.#live) CSS.highlights.delete(pageHighlightNames().of(FOCUS_KEY));
    this.#focus.clear();
    this.#focused = null;
    for (const ranges of this.#ranges.values()) ranges.clear();
    for (const pending of this.#pending.values()) pending.clear();
    for (const root of this.#styled) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.#sheet);
    }
    this.#styled.clear();
  }
}

function sameBounds(a: AbstractRange, b: AbstractRange): boolean {
  return a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;
}
