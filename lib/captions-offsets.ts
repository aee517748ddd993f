/**
 * "Is there any text between these two elements?" answered in O(1) per question after one linear
 * walk. Each element gets the count of visible (non-whitespace) characters before its start and
 * after its end, in document order. A caption copy "near" its figure is one with no reader-visible
 * text in between; removed copies are subtracted so that a third copy still counts as near.
 */

import { isElement, isText } from './captions-dom';

export interface Span {
  start: number;
  end: number;
}

export class TextOffsets {
  private readonly spans = new Map<Element, Span>();
  /** Disjoint spans of text removed since the walk. */
  private readonly removed: Span[] = [];

  constructor(root: Element) {
    // Iterative walk: article bodies can nest deeper than a comfortable recursion depth.
    let offset = 0;
    const stack: Array<{ node: Node; exit: boolean }> = [{ node: root, exit: false }];
    while (stack.length > 0) {
      const { node, exit } = stack.pop()!;
      if (isText(node)) {
        offset += node.data.replace(/\s+/g, '').length;
        continue;
      }
      if (!isElement(node)) continue;
      if (exit) {
        const span = this.spans.get(node);
        if (span) span.end = offset;
        continue;
      }
      this.spans.set(node, { start: offset, end: offset });
      stack.push({ node, exit: true });
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
    }
  }

  get(el: Element): Span | undefined {
    return this.spans.get(el);
  }

  /** Visible characters inside `el` at walk time (0 for elements created since). */
  size(el: Element): number {
    const span = this.spans.get(el);
    return span ? span.end - span.start : 0;
  }

  /**
   * Gives a new element (a figure wrapped around an image and its caption) the span covering the
   * existing elements it was built from.
   */
  alias(created: Element, ...existing: Element[]): void {
    const spans = existing.map((e) => this.spans.get(e)).filter((s): s is Span => s !== undefined);
    if (spans.length === 0) return;
    this.spans.set(created, {
      start: Math.min(...spans.map((s) => s.start)),
      end: Math.max(...spans.map((s) => s.end)),
    });
  }

  markRemoved(el: Element): void {
    const span = this.spans.get(el);
    if (span && span.end > span.start) this.removed.push({ ...span });
  }

  /**
   * Visible characters strictly between `a` and `b` (either order), not counting removed text.
   * 0 when one contains the other; Infinity when either is unknown.
   */
  gap(a: Element, b: Element): number {
    const sa = this.spans.get(a);
    const sb = this.spans.get(b);
    if (!sa || !sb) return Number.POSITIVE_INFINITY;
    const [first, second] = sa.start <= sb.start ? [sa, sb] : [sb, sa];
    if (second.start < first.end) return 0;
    let between = second.start - first.end;
    for (const r of this.removed) {
      const lo = Math.max(r.start, first.end);
      const hi = Math.min(r.end, second.start);
      if (hi > lo) between -= hi - lo;
    }
    return Math.max(0, between);
  }

  /** Distance used to pick the nearest of several figures sharing a caption. */
  distance(a: Element, b: Element): number {
    const sa = this.spans.get(a);
    const sb = this.spans.get(b);
    if (!sa || !sb) return Number.POSITIVE_INFINITY;
    return Math.abs(sa.start - sb.start);
  }
}
