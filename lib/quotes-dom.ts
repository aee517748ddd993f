/**
 * DOM side of quote highlighting: splitting the article into paragraphs of text ("segments") and
 * wrapping a character range of a segment in `<q>`.
 *
 * A segment is a maximal run of inline text that no block boundary cuts: the text of a `<p>`, of an
 * `<li>` up to a nested list, of a `<blockquote>` that holds bare text… Quotes are searched per segment,
 * which is what guarantees that one `<q>` never crosses a block boundary.
 */

const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary ' +
    'table tbody td tfoot th thead tr ul'
  ).split(' '),
);

/**
 * Subtrees whose text is not prose: never scanned. They do not end the segment — an inline icon
 * (`<svg>`) inside a quote must not cut the quote in two.
 */
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'svg', 'math']);

/** Code-like text: part of the paragraph (a quote may contain it), but its marks are not quote marks. */
const OPAQUE_TAGS = new Set(['code', 'kbd', 'samp', 'var', 'tt', 'pre']);

export interface Segment {
  nodes: Text[];
  /** Offset of each node's first character in `text` (as collected, before any splitting). */
  starts: number[];
  ends: number[];
  text: string;
  /** `text` with code-like runs replaced by letters, so their marks are not tokenized. */
  scanText: string;
}

/** Splits `root` into segments, in document order. Iterative, so deep nesting cannot overflow the stack. */
export function collectSegments(root: Element): Segment[] {
  const segments: Segment[] = [];
  let nodes: Text[] = [];
  let parts: string[] = [];
  let scanParts: string[] = [];
  let length = 0;
  let opaque = 0;
  const starts: number[] = [];
  const ends: number[] = [];
  const flush = () => {
    if (nodes.length > 0) {
      const text = parts.join('');
      if (text.trim() !== '') {
        segments.push({
          nodes,
          starts: starts.splice(0),
          ends: ends.splice(0),
          text,
          scanText: scanParts.join(''),
        });
      }
    }
    nodes = [];
    parts = [];
    scanParts = [];
    starts.length = 0;
    ends.length = 0;
    length = 0;
  };
  const leave = (el: Element) => {
    const tag = el.localName;
    if (OPAQUE_TAGS.has(tag)) opaque--;
    if (BLOCK_TAGS.has(tag)) flush();
  };

  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const t = node as Text;
      nodes.push(t);
      starts.push(length);
      parts.push(t.data);
      scanParts.push(opaque > 0 ? 'x'.repeat(t.data.length) : t.data);
      length += t.data.length;
      ends.push(length);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.localName;
      if (!SKIP_TAGS.has(tag)) {
        if (BLOCK_TAGS.has(tag)) flush();
        if (OPAQUE_TAGS.has(tag)) opaque++;
        if (el.firstChild) descend = true;
        else leave(el);
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb out of finished subtrees, closing the elements we leave.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) leave(node as Element);
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  flush();
  return segments;
}

/**
 * Finds the text node holding character `offset` (start = true) or the one whose text ends at `offset`
 * (start = false, for an exclusive end). `ends` is non-decreasing, so both are a binary search.
 */
function locate(seg: Segment, offset: number, start: boolean): { node: Text; at: number } {
  let lo = 0;
  let hi = seg.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (start ? seg.ends[mid] > offset : seg.ends[mid] >= offset) hi = mid;
    else lo = mid + 1;
  }
  return { node: seg.nodes[lo], at: offset - seg.starts[lo] };
}

/**
 * The common case, a quote inside one text node with its marks around it: cut the node in three with
 * as few DOM operations as possible (this is the hot path on long articles). The original node keeps
 * the text before the quote, so offsets of earlier quotes in it stay valid.
 */
function wrapInsideText(node: Text, a: number, b: number, doc: Document): HTMLElement {
  const data = node.data;
  const parent = node.parentNode!;
  const q = doc.createElement('q');
  q.appendChild(doc.createTextNode(data.slice(a, b)));
  if (a > 0) {
    node.data = data.slice(0, a);
    parent.insertBefore(q, node.nextSibling);
    if (b < data.length) parent.insertBefore(doc.createTextNode(data.slice(b)), q.nextSibling);
  } else {
    // Nothing before the quote in this node (its mark is in an earlier node): the node keeps the tail.
    node.data = data.slice(b);
    parent.insertBefore(q, node);
  }
  return q;
}

/**
 * The next most common case: both ends of the quote in text nodes of the same parent, with other
 * text before and after (`"Hello <a>world</a>," he said`). Like wrapInsideText, it moves only what
 * must move; `first` keeps the text before the quote, `last` the text after it.
 */
function wrapBetweenSiblings(first: Text, a: number, last: Text, b: number, doc: Document): HTMLElement {
  const q = doc.createElement('q');
  const head = first.data;
  q.appendChild(doc.createTextNode(head.slice(a)));
  first.data = head.slice(0, a);
  for (let x = first.nextSibling; x && x !== last; x = first.nextSibling) q.appendChild(x);
  const tail = last.data;
  q.appendChild(doc.createTextNode(tail.slice(0, b)));
  last.data = tail.slice(b);
  last.parentNode!.insertBefore(q, last);
  return q;
}

/** Whether anything but blank text precedes (dir = -1) or follows (dir = 1) `n` among its siblings. */
function siblingContent(n: Node, dir: 1 | -1): boolean {
  for (
    let x = dir < 0 ? n.previousSibling : n.nextSibling;
    x;
    x = dir < 0 ? x.previousSibling : x.nextSibling
  ) {
    if (x.nodeType === 1 || (x.nodeType === 3 && (x as Text).data.trim() !== '')) return true;
  }
  return false;
}

function ancestors(n: Node): Node[] {
  const list: Node[] = [];
  for (let x: Node | null = n; x; x = x.parentNode) list.push(x);
  return list.reverse();
}

/** Next node in document order, staying inside `within`. */
function nextInOrder(n: Node, within: Node): Node | null {
  if (n.firstChild) return n.firstChild;
  let x: Node | null = n;
  while (x && x !== within) {
    if (x.nextSibling) return x.nextSibling;
    x = x.parentNode;
  }
  return null;
}

/**
 * Wraps characters [start, end) of `seg` in `<q>`; returns the elements created (usually one).
 *
 * One `<q>` around the whole range whenever that is legal: the range is widened to whole inline
 * elements when it covers their entire text (`"<a>Hello</a>"` wraps the link), which is what
 * `Range.surroundContents` on the widened range would do. When the range starts or ends *inside* an
 * element that it does not cover (`<b>said "Hel</b>lo"`), a single `<q>` would have to cut that element
 * in two; rather than duplicating elements (links, ids), each text node of the range gets its own
 * `<q>`, with the same speaker. The caller counts such a quote once; the extra pieces carry
 * `data-quote-cont` so that counting `q:not([data-quote-cont])` matches the returned list.
 *
 * Never widens past `root`. Must be called for the quotes of a segment from last to first: splitting text nodes only disturbs
 * offsets after the split point, so earlier quotes' offsets stay valid.
 */
export function wrapRange(
  seg: Segment,
  start: number,
  end: number,
  doc: Document,
  root: Element,
): HTMLElement[] {
  const s = locate(seg, start, true);
  const e = locate(seg, end, false);
  if (s.node === e.node && (s.at > 0 || e.at < s.node.data.length))
    return [wrapInsideText(s.node, s.at, e.at, doc)];
  if (s.node.parentNode === e.node.parentNode && s.at > 0 && e.at < e.node.data.length) {
    return [wrapBetweenSiblings(s.node, s.at, e.node, e.at, doc)];
  }

  let last = e.node;
  if (e.at < last.data.length) last.splitText(e.at);
  let first = s.node;
  if (s.at > 0) {
    first = first.splitText(s.at);
    if (s.node === e.node) last = first;
  }

  // `from` and `to`: the ancestors of `first` and `last` (or themselves) that are siblings under `common`.
  let common: Node | null = first.parentNode;
  let from: Node = first;
  let to: Node = last;
  if (first !== last) {
    const firstPath = ancestors(first);
    const lastPath = ancestors(last);
    let d = 0;
    while (d < firstPath.length && d < lastPath.length && firstPath[d] === lastPath[d]) d++;
    common = firstPath[d - 1];
    from = firstPath[d];
    to = lastPath[d];
  }

  // Widening to `from`..`to` is legal only if it adds nothing but blank text on either side.
  let legal = common !== null;
  for (let x: Node = first; x !== from && legal; x = x.parentNode!) if (siblingContent(x, -1)) legal = false;
  for (let x: Node = last; x !== to && legal; x = x.parentNode!) if (siblingContent(x, 1)) legal = false;

  if (legal && common) {
    // Keep widening through inline elements the quote fills entirely: `"<em>Stop</em>"` wraps the <em>.
    while (
      common !== root &&
      common.nodeType === 1 &&
      !BLOCK_TAGS.has((common as Element).localName) &&
      common.parentNode &&
      !siblingContent(from, -1) &&
      !siblingContent(to, 1)
    ) {
      from = common;
      to = common;
      common = common.parentNode;
    }
    const q = doc.createElement('q');
    common.insertBefore(q, from);
    let x: Node | null = from;
    while (x) {
      const next: Node | null = x === to ? null : x.nextSibling;
      q.appendChild(x);
      x = next;
    }
    return [q];
  }

  // Fallback: one <q> per text node in the range.
  const pieces: Text[] = [];
  for (let x: Node | null = first; x; x = common ? nextInOrder(x, common) : null) {
    const inProse = !SKIP_TAGS.has(x.parentNode?.nodeName.toLowerCase() ?? '');
    if (x.nodeType === 3 && inProse && (x as Text).data.trim() !== '') pieces.push(x as Text);
    if (x === last) break;
  }
  return pieces.map((t) => {
    const q = doc.createElement('q');
    t.parentNode!.insertBefore(q, t);
    q.appendChild(t);
    return q;
  });
}

const MARK = /["'\u2018-\u201F\u00AB\u00BB\u2039\u203A\u300C-\u300F\uFF02\uFF62\uFF63]/;

/** The nearest non-blank character before (dir = -1) or after (dir = 1) `node` inside its block. */
function charBeside(node: Node, dir: 1 | -1, root: Element): string {
  for (let x: Node | null = node; x && x !== root; x = x.parentNode) {
    for (
      let sib = dir < 0 ? x.previousSibling : x.nextSibling;
      sib;
      sib = dir < 0 ? sib.previousSibling : sib.nextSibling
    ) {
      const t = sib.textContent ?? '';
      const trimmed = dir < 0 ? t.trimEnd() : t.trimStart();
      if (trimmed) return dir < 0 ? trimmed[trimmed.length - 1] : trimmed[0];
    }
    const parent = x.parentNode;
    if (parent && parent.nodeType === 1 && BLOCK_TAGS.has((parent as Element).localName)) break;
  }
  return '';
}

/**
 * Turns `<q>` elements already present in the article into plain text with visible marks, so that
 * (1) the reader's `q::before/after { content: none }` does not hide the marks the site relied on the
 * browser to draw, and (2) those quotes go through the same detection and attribution as any other.
 * A `<q>` that already has marks, inside it or right outside it, is simply unwrapped: that covers
 * sites that print their own marks and a body this module already processed (running it twice gives
 * the same result).
 */
export function unwrapExistingQuotes(root: Element): void {
  const found = Array.from(root.getElementsByTagName('q'));
  if (found.length === 0) return;
  const doc = root.ownerDocument;
  // Decide everything before changing the DOM, so each decision sees the original neighbours.
  const plan = found.map((q) => {
    let depth = 0;
    for (let x = q.parentElement; x && x !== root; x = x.parentElement) if (x.localName === 'q') depth++;
    const inner = (q.textContent ?? '').trim();
    const marksInside = inner.length > 1 && MARK.test(inner[0]) && MARK.test(inner[inner.length - 1]);
    const marksOutside =
      q.hasAttribute('data-quote-cont') ||
      MARK.test(charBeside(q, -1, root)) ||
      MARK.test(charBeside(q, 1, root));
    return { depth, addMarks: !marksInside && !marksOutside };
  });
  for (let i = found.length - 1; i >= 0; i--) {
    const q = found[i];
    const parent = q.parentNode;
    if (!parent) continue;
    if (plan[i].addMarks) {
      const [open, close] = plan[i].depth % 2 === 0 ? ['\u201C', '\u201D'] : ['\u2018', '\u2019'];
      parent.insertBefore(doc.createTextNode(open), q);
      parent.insertBefore(doc.createTextNode(close), q.nextSibling);
    }
    while (q.firstChild) parent.insertBefore(q.firstChild, q);
    parent.removeChild(q);
  }
}
