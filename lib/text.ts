/**
 * Article text serialization: the story as a person copying it would see it, one paragraph per block
 * element, paragraphs separated by a blank line. `textContent` is not good enough: it glues a heading to
 * the next paragraph ("TitleFirst words") and keeps the source's indentation and line breaks.
 */

/** Elements that start a paragraph of their own. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);

/** Never text the reader sees. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'IFRAME',
  'SVG',
  'MATH',
  'OBJECT',
  'BUTTON',
  'SELECT',
]);

const CELLS = new Set(['TD', 'TH']);

class Collector {
  readonly blocks: string[] = [];
  private line = '';

  /** Source line breaks are just whitespace; only `<br>` breaks a line. */
  add(text: string): void {
    this.line += text.replace(/\s+/g, ' ');
  }

  /** A `<br>`: a line break inside the current paragraph. */
  lineBreak(): void {
    this.line += '\n';
  }

  /** Ends the current paragraph, if it holds any text. */
  flush(): void {
    const text = this.line
      .split('\n')
      .map((l) => l.replace(/ {2,}/g, ' ').trim())
      .filter((l) => l !== '')
      .join('\n');
    if (text) this.blocks.push(text);
    this.line = '';
  }

  /** Preformatted text keeps its own whitespace (code), trimmed of blank edge lines only. */
  addPre(text: string): void {
    this.flush();
    const trimmed = text.replace(/^\s*\n/, '').replace(/\s+$/, '');
    if (trimmed.trim()) this.blocks.push(trimmed);
  }
}

function walk(node: Node, out: Collector): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out.add(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'BR') {
      out.lineBreak();
      continue;
    }
    if (tag === 'PRE') {
      out.addPre(el.textContent ?? '');
      continue;
    }
    if (tag === 'TR') {
      // A table row reads as one line: its cells separated by a visible divider.
      out.flush();
      const cells: string[] = [];
      for (const cell of Array.from(el.children)) {
        if (!CELLS.has(cell.tagName.toUpperCase())) continue;
        const inner = new Collector();
        walk(cell, inner);
        inner.flush();
        const text = inner.blocks.join(' ').replace(/\s+/g, ' ').trim();
        if (text) cells.push(text);
      }
      if (cells.length) out.blocks.push(cells.join(' | '));
      continue;
    }
    if (BLOCKS.has(tag)) {
      out.flush();
      walk(el, out);
      out.flush();
      continue;
    }
    // Inline element: images and other replaced content contribute nothing, text flows on.
    walk(el, out);
  }
}

/** The article's text: block elements become paragraphs separated by blank lines. */
export function articleText(root: ParentNode): string {
  const out = new Collector();
  walk(root as unknown as Node, out);
  out.flush();
  return out.blocks.join('\n\n');
}

/** Characters of `s` that `\s` does not match: the text's length once white space is set aside. */
export function nonSpaceLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x1680 && isUnicodeSpace(c)))) n++;
  }
  return n;
}

/** The characters above U+1680 that `\s` matches. */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The non-space characters of every element under `root` (and of `root`, if an element), in one
 * pass: asking each element for its `textContent` would cost O(elements × depth). A lower bound of
 * the length of its white-space-collapsed text; equal collapsed texts have equal counts.
 */
export function inkLengths(root: Node, out: Map<Element, number>): number {
  let n = 0;
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) n += nonSpaceLength((child as Text).data);
    else if (child.nodeType === 1) n += inkLengths(child, out);
  }
  if (root.nodeType === 1) out.set(root as Element, n);
  return n;
}
