/**
 * Facts about every element of a subtree, gathered in one linear walk so that later questions cost
 * O(1) instead of a subtree scan per element (which is quadratic on deeply nested markup):
 *  - visible-character offsets: "is there any text between these two elements?" — a caption copy
 *    "near" its figure is one with no reader-visible text in between (removed copies aside);
 *  - media and block-element counts inside an element;
 *  - whether an element sits inside a `<figcaption>`.
 * Counters are cumulative in document order; an element's count is `end - start`.
 */

import { isElement, isText, nameOf } from './captions-dom';
import { nonSpaceLength } from './text';

export interface Span {
  start: number;
  end: number;
}

interface Facts extends Span {
  mediaStart: number;
  mediaEnd: number;
  blockStart: number;
  blockEnd: number;
  inFigcaption: boolean;
}

const MEDIA = new Set(['img', 'picture', 'video']);
/** Elements that make their ancestor "not a leaf text block". */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'aside',
  'blockquote',
  'figure',
  'ul',
  'ol',
  'li',
  'table',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'footer',
  'dl',
  'img',
  'picture',
  'video',
]);

export class DomFacts {
  private readonly facts = new Map<Element, Facts>();
  /** Disjoint spans of text removed since the walk. */
  private readonly removed: Span[] = [];

  constructor(root: Element) {
    // Iterative walk: article bodies can nest deeper than a comfortable recursion depth.
    let chars = 0;
    let media = 0;
    let blocks = 0;
    let figcaptionDepth = 0;
    const stack: Array<{ node: Node; exit: boolean }> = [{ node: root, exit: false }];
    while (stack.length > 0) {
      const { node, exit } = stack.pop()!;
      if (isText(node)) {
        chars += nonSpaceLength(node.data);
        continue;
      }
      if (!isElement(node)) continue;
      const name = nameOf(node);
      if (exit) {
        const f = this.facts.get(node)!;
        f.end = chars;
        f.mediaEnd = media;
        f.blockEnd = blocks;
        if (name === 'figcaption') figcaptionDepth--;
        continue;
      }
      const f: Facts = {
        start: chars,
        end: chars,
        mediaStart: media,
        mediaEnd: media,
        blockStart: blocks,
        blockEnd: blocks,
        inFigcaption: figcaptionDepth > 0 || name === 'figcaption',
      };
      this.facts.set(node, f);
      // An image counts as media inside itself; a paragraph does not count as a block inside itself.
      if (MEDIA.has(name)) media++;
      if (BLOCKS.has(name)) blocks++;
      f.blockStart = blocks;
      if (name === 'figcaption') figcaptionDepth++;
      stack.push({ node, exit: true });
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
    }
  }

  get(el: Element): Span | undefined {
    return this.facts.get(el);
  }

  /** Visible characters inside `el` at walk time (0 for elements created since). */
  size(el: Element): number {
    const f = this.facts.get(el);
    return f ? f.end - f.start : 0;
  }

  /** Does `el` contain (or is it) an image or video? Unknown elements are assumed to. */
  hasMedia(el: Element): boolean {
    const f = this.facts.get(el);
    return !f || f.mediaEnd > f.mediaStart || MEDIA.has(nameOf(el));
  }

  /** Does `el` contain block elements (paragraphs, lists, images…)? Unknown elements are assumed to. */
  hasBlocks(el: Element): boolean {
    const f = this.facts.get(el);
    return !f || f.blockEnd > f.blockStart;
  }

  inFigcaption(el: Element): boolean {
    return this.facts.get(el)?.inFigcaption ?? false;
  }

  /**
   * Gives a new element (a figure wrapped around an image and its caption) the span covering the
   * existing elements it was built from.
   */
  alias(created: Element, ...existing: Element[]): void {
    const known = existing.map((e) => this.facts.get(e)).filter((f): f is Facts => f !== undefined);
    if (known.length === 0) return;
    this.facts.set(created, {
      start: Math.min(...known.map((f) => f.start)),
      end: Math.max(...known.map((f) => f.end)),
      mediaStart: Math.min(...known.map((f) => f.mediaStart)),
      mediaEnd: Math.max(...known.map((f) => f.mediaEnd)),
      blockStart: Math.min(...known.map((f) => f.blockStart)),
      blockEnd: Math.max(...known.map((f) => f.blockEnd)),
      inFigcaption: false,
    });
  }

  markRemoved(el: Element): void {
    const f = this.facts.get(el);
    if (f && f.end > f.start) this.removed.push({ start: f.start, end: f.end });
  }

  /**
   * Visible characters strictly between `a` and `b` (either order), not counting removed text.
   * 0 when one contains the other; Infinity when either is unknown.
   */
  gap(a: Element, b: Element): number {
    const sa = this.facts.get(a);
    const sb = this.facts.get(b);
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
    const sa = this.facts.get(a);
    const sb = this.facts.get(b);
    if (!sa || !sb) return Number.POSITIVE_INFINITY;
    return Math.abs(sa.start - sb.start);
  }
}
