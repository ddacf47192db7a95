// Hit testing and document order: which drawn mention is under a point of the viewport, and the
// drawn mentions of an entity in the order a reader meets them.
import type { Mention } from '../match/matcher';
import type { Block, Shown } from './page-marks';

/** A mention found under a point, with the live range and the line box under the pointer. */
export interface Hit {
  readonly mention: Mention;
  readonly range: Range;
  readonly rect: DOMRect;
}

/** Where the drawn mentions are found. */
export interface DrawnMarks {
  /** The block that holds `text`, if any. */
  blockOf(text: Text): Block | undefined;
  /** The mentions drawn in open shadow root `shadow` (none when it has not been read). */
  inShadow(shadow: ShadowRoot): readonly Shown[];
}

/** The mention drawn at viewport point (x, y), if the point is really on its text. */
export function hitTest(marks: DrawnMarks, x: number, y: number): Hit | null {
  const caret = caretAt(x, y);
  const block = caret && marks.blockOf(caret.node);
  const candidates = block
    ? block.shown.filter(({ mention }) => {
        const offset = block.starts[block.nodes.indexOf(caret.node)]! + caret.offset;
        return mention.start <= offset && offset <= mention.end;
      })
    : shadowCandidates(marks, x, y);
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
function shadowCandidates(marks: DrawnMarks, x: number, y: number): readonly Shown[] {
  const shadow = document.elementFromPoint(x, y)?.shadowRoot;
  return shadow ? marks.inShadow(shadow) : [];
}

/** `ranges` sorted in document order. */
export function inDocumentOrder(ranges: StaticRange[]): StaticRange[] {
  return ranges.sort((a, b) =>
    a.startContainer === b.startContainer ? a.startOffset - b.startOffset : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

/** A live Range over a drawn mention's static range (for geometry, or to hand to the card). */
export function liveRange(r: AbstractRange): Range {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
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
