// Reads a page's text the way a reader sees it: block by block. Inline elements join (a name
// split by <b>, <span> or a <br> is one mention), block boundaries separate (a heading does not run
// into the paragraph after it). Nothing of the page is changed; the result only points at its
// text nodes.

/** One run of text that reads as a unit: the text nodes of one block, in order. */
export interface TextBlock {
  /** The element the text flows in (its nearest non-inline ancestor). */
  readonly container: Node;
  readonly nodes: readonly Text[];
  /** Offset in `text` at which each node's data starts. */
  readonly starts: readonly number[];
  /** The nodes' data joined; a <br> between two nodes stands as "\n". */
  readonly text: string;
}

/** Elements whose content flows inline with their surroundings. Anything else breaks a block. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'ruby', 'rb', 'rp', 'rt', 's', 'samp', 'small', 'span',
  'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'br', 'img',
]);

/** True for elements whose content flows inline with the text around them. */
export function isInlineElement(element: Element): boolean {
  return INLINE.has(element.localName);
}

/** Subtrees that hold no reader text (or text that is the reader's own: form fields). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'kbd',
  'samp', 'pre', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio',
  'head', 'title',
]);

/**
 * The elements that may host a shadow root (the DOM standard's attachShadow list), besides custom
 * elements (whose names hold a hyphen): asking any other element for its shadow root is a call into
 * the DOM per element that can only answer null.
 */
const SHADOW_HOSTS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
  'nav', 'p', 'section', 'span',
]);

/**
 * A `hidden` subtree or an editable region (whose text is the reader's own), as one selector:
 * matched element by element when climbing, queried once per walk when walking.
 */
const HIDDEN_OR_EDITABLE = '[hidden], [contenteditable]:not([contenteditable="false"])';

function isSkipped(element: Element): boolean {
  return SKIPPED.has(element.localName) || element.matches(HIDDEN_OR_EDITABLE);
}

/** The nearest ancestor (or self) of `node` below `root` whose content does not flow inline. */
export function blockOf(node: Node, root: Node): Node {
  let element = node.parentNode;
  while (element && element !== root && element.nodeType === Node.ELEMENT_NODE && INLINE.has((element as Element).localName)) {
    element = element.parentNode;
  }
  return element ?? root;
}

/** True when `node` sits inside something the collector never reads (checked upwards). */
export function isInSkippedSubtree(node: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return true;
  }
  return false;
}

/** A letter of any script: text without one holds no name. */
const LETTER = /\p{L}/u;

/**
 * Whether `data` has a letter of any script. Text of ASCII alone (the white space between an ad
 * frame's tags, most often) is answered without LETTER, whose first use costs each frame the
 * compiling of every letter of Unicode.
 */
export function hasLetter(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (code >= 0x80) return LETTER.test(data);
    if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) return true;
  }
  return false;
}

/**
 * Whether `node`, just added to a document, may hold text to read: a text node with a letter, or
 * an element whose subtree may hold some (mayHoldText), outside the elements never read. Hidden and
 * editable regions count: they may be shown, or left, without a node being added.
 */
export function mayBringText(node: Node): boolean {
  if (node.nodeType === 3 ? !hasLetter((node as Text).data) : node.nodeType !== 1 || !mayHoldText(node, 500)) return false;
  for (let el = node.parentElement; el; el = el.parentElement) if (SKIPPED.has(el.localName)) return false;
  return true;
}

/**
 * Whether the subtree of `root` (itself outside a skipped subtree) may hold text to read: a text
 * node with a letter outside the subtrees never read, or an element that may host a shadow root.
 * Quick and on the safe side (hidden and editable regions count, and past `budget` nodes the answer
 * is yes): it decides only whether a frame loads the engine at all.
 */
export function mayHoldText(root: Node, budget = 2000): boolean {
  if (root.nodeType === 1 && SKIPPED.has((root as Element).localName)) return false;
  let node: Node | null = root.firstChild;
  while (node) {
    if (--budget < 0) return true;
    if (node.nodeType === 3) {
      if (hasLetter((node as Text).data)) return true;
    } else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      if ((SHADOW_HOSTS.has(tag) || tag.includes('-')) && (node as Element).shadowRoot) return true;
      if (node.firstChild && !SKIPPED.has(tag)) {
        node = node.firstChild;
        continue;
      }
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return false;
}

/**
 * The text of `root` (a frame's document) as the engine reads it, block by block (the same walk,
 * so the same blocks), for the background to decide on before the engine is injected (messages.ts
 * LoadEngineMessage). Null past `max` characters in all, or where an open shadow root is (the
 * engine reads it, and the evidence in it, on its own). Walked a slice at a time: `slice()` gives
 * each its deadline, and `pause()` resolves when the next may start. The first runs in the
 * loader's DOMContentLoaded listener, in the page's own task; giving up on a long page took
 * 9-23 ms there (yahoo-2, wikipedia-2 in Chromium 156).
 */
export async function frameBlocks(root: Document, max: number, slice: () => () => boolean, pause: () => Promise<void>): Promise<string[] | null> {
  let shadow = false;
  const walker = new BlockWalker(root, () => (shadow = true));
  const texts: string[] = [];
  let length = 0;
  let shouldYield = slice();
  while (!walker.done) {
    // A piece of the walk at a time (every 256 nodes), so that a long page is given up on early.
    for (const block of walker.next(() => true)) {
      length += block.text.length;
      if (length > max) return null;
      texts.push(block.text);
    }
    if (shadow) return null;
    if (!walker.done && shouldYield()) {
      await pause();
      shouldYield = slice();
    }
  }
  return texts;
}

/**
 * Walks the text blocks under `root` (a document, an element or a shadow root) a slice at a
 * time, skipping scripts, styles, form fields, code, editable regions, hidden subtrees and
 * Hashiya's own host. Open shadow roots met on the way go to `onShadowRoot` (read separately:
 * their text does not flow with the host's).
 */
export class BlockWalker {
  readonly #root: Node;
  readonly #onShadowRoot: ((shadow: ShadowRoot) => void) | undefined;
  /** The next node to visit (null when done). */
  #node: Node | null;
  /** For each element entered on the way down: the block container in force inside it. */
  readonly #containers: Node[] = [];
  #current: Node;
  #container: Node | null = null;
  #nodes: Text[] = [];
  #starts: number[] = [];
  #parts: string[] = [];
  #length = 0;

  // A hand-written depth-first walk rather than a TreeWalker with a filter: calling a JavaScript
  // filter for every node costs more than the whole walk (Chromium 156: ~40× a bare TreeWalker on
  // wikipedia-2), and entering and leaving elements is what tells where a block starts and ends.
  readonly #skip: ReadonlySet<Node> | undefined;
  /**
   * The hidden and editable elements under the root, found by one native query when the walk
   * starts: asking each element for its attributes costs three calls into the DOM per element
   * (a tenth of a walk over a large page). Elements that gain or lose the attributes later are
   * the mutation observer's business, as any other change.
   */
  readonly #hiddenOrEditable: ReadonlySet<Element>;

  /** Reads only the root's own text: block elements inside it are passed over (as boundaries). */
  readonly #ownTextOnly: boolean;

  /**
   * `skip`: subtrees read by another walker (the visible part, read first), passed over here.
   * `ownTextOnly`: only the text that flows in `root` itself, not the blocks inside it.
   */
  constructor(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void, skip?: ReadonlySet<Node>, ownTextOnly = false) {
    this.#root = root;
    this.#ownTextOnly = ownTextOnly;
    this.#onShadowRoot = onShadowRoot;
    this.#skip = skip;
    const scope = root as Partial<ParentNode>;
    this.#hiddenOrEditable = new Set(scope.querySelectorAll?.(HIDDEN_OR_EDITABLE) ?? []);
    this.#node = root.firstChild;
    this.#current = root;
  }

  get done(): boolean {
    return this.#node === null;
  }

  /** The next blocks, reading until `shouldYield()` says so (checked every 256 nodes) or the end. */
  next(shouldYield: () => boolean = () => false): TextBlock[] {
    const blocks: TextBlock[] = [];
    let budget = 256;
    let node = this.#node;
    while (node) {
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data.length > 0) {
          if (this.#current !== this.#container) {
            this.#flush(blocks);
            this.#container = this.#current;
          }
          this.#nodes.push(node as Text);
          this.#starts.push(this.#length);
          this.#parts.push(data);
          this.#length += data.length;
        }
      } else if (node.nodeType === 1) {
        const element = node as Element;
        const tag = element.localName;
        if (this.#onShadowRoot && !this.#ownTextOnly && (SHADOW_HOSTS.has(tag) || tag.includes('-'))) {
          const shadow = element.shadowRoot;
          if (shadow) this.#onShadowRoot(shadow);
        }
        if (tag === 'br') {
          if (this.#nodes.length > 0 && this.#container === this.#current) {
            this.#parts.push('\n');
            this.#length += 1;
          }
        } else if (this.#ownTextOnly && !INLINE.has(tag)) {
          this.#container = null; // a block of its own, not read: the text after it is another run
        } else if (element.firstChild && !this.#skip?.has(element) && !SKIPPED.has(tag) && !this.#hiddenOrEditable.has(element)) {
          this.#containers.push(this.#current);
          if (!INLINE.has(tag)) this.#current = element;
          node = element.firstChild;
          if (--budget === 0) budget = this.#pause(node, shouldYield) ?? 256;
          if (budget < 0) return blocks;
          continue;
        }
      }
      // On to the next sibling, climbing out of finished elements (each asked for it once).
      let sibling: Node | null = null;
      while (node && node !== this.#root) {
        sibling = node.nextSibling;
        if (sibling) break;
        node = node.parentNode;
        this.#current = this.#containers.pop() ?? this.#root;
      }
      node = node && node !== this.#root ? sibling : null;
      if (--budget === 0) budget = this.#pause(node, shouldYield) ?? 256;
      if (budget < 0) return blocks;
    }
    this.#node = null;
    this.#flush(blocks);
    return blocks;
  }

  /** Remembers where the walk stands; -1 when it is time to yield, otherwise undefined. */
  #pause(node: Node | null, shouldYield: () => boolean): number | undefined {
    this.#node = node;
    return shouldYield() && node !== null ? -1 : undefined;
  }

  #flush(into: TextBlock[]): void {
    if (this.#container && this.#nodes.length > 0) {
      const text = this.#parts.length === 1 ? this.#parts[0]! : this.#parts.join('');
      if (/\S/.test(text)) {
        const block = { container: this.#container, nodes: this.#nodes, starts: this.#starts, text };
        if (text.length <= MAX_BLOCK) into.push(block);
        else into.push(...splitBlock(block));
      }
    }
    this.#nodes = [];
    this.#starts = [];
    this.#parts = [];
    this.#length = 0;
  }
}

/**
 * The most text one block holds: a longer run (one text node of megabytes, a page-long <pre>-less
 * dump) is cut into blocks of at most this many characters, each scanned in a task of its own
 * (~1 ms at the engine's speed), so no single text makes a long task.
 */
export const MAX_BLOCK = 200_000;

/**
 * `block` cut into blocks of at most `max` characters, at a line or sentence end where there is one
 * in the last tenth of each piece, else at a space (a name is not cut but where a line or sentence
 * ends, or, in text with no space for a tenth of the limit, nowhere a name could be). Each piece
 * keeps the nodes it covers, with their starts relative to it (the first may start before it).
 */
export function splitBlock(block: TextBlock, max = MAX_BLOCK): TextBlock[] {
  const { text, nodes, starts, container } = block;
  const pieces: TextBlock[] = [];
  let from = 0;
  let node = 0;
  while (from < text.length) {
    let to = Math.min(from + max, text.length);
    if (to < text.length) {
      const window = text.slice(to - Math.floor(max / 10), to);
      const sentence = Math.max(window.lastIndexOf('\n'), ...['. ', '! ', '? ', '؟ ', '۔ '].map((end) => window.lastIndexOf(end) + 1));
      const space = window.search(/\s\S*$/);
      const cut = sentence > 0 ? sentence : space;
      if (cut > 0) to = to - window.length + cut + 1;
    }
    while (node + 1 < nodes.length && starts[node + 1]! <= from) node++;
    let last = node;
    while (last + 1 < nodes.length && starts[last + 1]! < to) last++;
    pieces.push({
      container,
      nodes: nodes.slice(node, last + 1),
      starts: starts.slice(node, last + 1).map((start) => start - from),
      text: text.slice(from, to),
    });
    from = to;
  }
  return pieces;
}

/**
 * The text node and offset within it at `offset` of the block (the node that holds it). The
 * node's length is asked, never its data: in Firefox each read of a page's `data` from a content
 * script copies the string (a 20 MB text node: 21 s for the 200 ends of 100 mentions).
 */
export function locate(block: TextBlock, offset: number, preferEnd = false): { node: Text; offset: number } | null {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return null;
  return { node, offset: Math.min(Math.max(offset - starts[lo]!, 0), node.length) };
}
