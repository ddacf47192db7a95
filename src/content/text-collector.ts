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
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I',
  'INS', 'KBD', 'LABEL', 'MARK', 'NOBR', 'Q', 'RUBY', 'RB', 'RP', 'RT', 'S', 'SAMP', 'SMALL', 'SPAN',
  'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'BR', 'IMG',
]);

/** True for elements whose content flows inline with the text around them. */
export function isInlineElement(element: Element): boolean {
  return INLINE.has(element.tagName.toUpperCase());
}

/** Subtrees that hold no reader text (or text that is the reader's own: form fields). */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'KBD',
  'SAMP', 'PRE', 'SVG', 'MATH', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO',
  'HEAD', 'TITLE', 'HASHIYA-CARD',
]);

/** The custom element that hosts Hashiya's card: never read. */
export const HOST_TAG = 'hashiya-card';

function isSkipped(element: Element): boolean {
  // Tag names of HTML elements are upper case; those of SVG/MathML children keep their case.
  const tag = element.tagName.toUpperCase();
  if (SKIPPED.has(tag)) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The nearest ancestor (or self) of `node` below `root` whose content does not flow inline. */
export function blockOf(node: Node, root: Node): Node {
  let element = node.parentNode;
  while (element && element !== root && element.nodeType === Node.ELEMENT_NODE && INLINE.has((element as Element).tagName.toUpperCase())) {
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

/**
 * Walks the text blocks under `root` (a document, an element or a shadow root) a slice at a
 * time, skipping scripts, styles, form fields, code, editable regions, hidden subtrees and
 * Hashiya's own host. Open shadow roots met on the way go to `onShadowRoot` (read separately:
 * their text does not flow with the host's).
 */
export class BlockWalker {
  readonly #root: Node;
  readonly #walker: TreeWalker;
  #container: Node | null = null;
  #nodes: Text[] = [];
  #starts: number[] = [];
  #parts: string[] = [];
  #length = 0;
  #done = false;

  constructor(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void) {
    this.#root = root;
    const doc = root.ownerDocument ?? (root as Document);
    this.#walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType !== Node.ELEMENT_NODE) return NodeFilter.FILTER_ACCEPT;
        const element = node as Element;
        if (onShadowRoot && element.shadowRoot) onShadowRoot(element.shadowRoot);
        return isSkipped(element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
  }

  get done(): boolean {
    return this.#done;
  }

  /** The next blocks, reading until `shouldYield()` says so (checked every 256 nodes) or the end. */
  next(shouldYield: () => boolean = () => false): TextBlock[] {
    const blocks: TextBlock[] = [];
    let budget = 256;
    for (let node = this.#walker.nextNode(); node; node = this.#walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if ((node as Element).tagName === 'BR' && this.#nodes.length > 0) {
          this.#parts.push('\n');
          this.#length += 1;
        }
      } else {
        const text = node as Text;
        if (text.data.length > 0) {
          const block = blockOf(text, this.#root);
          if (block !== this.#container) {
            this.#flush(blocks);
            this.#container = block;
          }
          this.#nodes.push(text);
          this.#starts.push(this.#length);
          this.#parts.push(text.data);
          this.#length += text.data.length;
        }
      }
      if (--budget === 0) {
        if (shouldYield()) return blocks;
        budget = 256;
      }
    }
    this.#flush(blocks);
    this.#done = true;
    return blocks;
  }

  #flush(into: TextBlock[]): void {
    const text = this.#parts.join('');
    if (this.#container && this.#nodes.length > 0 && /\S/.test(text)) {
      into.push({ container: this.#container, nodes: this.#nodes, starts: this.#starts, text });
    }
    this.#nodes = [];
    this.#starts = [];
    this.#parts = [];
    this.#length = 0;
  }
}

/** Every text block under `root`, at once (see BlockWalker). */
export function collectBlocks(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): TextBlock[] {
  return new BlockWalker(root, onShadowRoot).next();
}

/** The text node and offset within it at `offset` of the block (the node that holds it). */
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
  return { node, offset: Math.min(Math.max(offset - starts[lo]!, 0), node.data.length) };
}
