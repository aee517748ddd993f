/**
 * Pull quotes: a sentence of the story printed again, large, as decoration. A reader copying the
 * text sees it twice. A candidate (blockquote, aside, `.pull-quote`, or a short standalone block
 * that is all one quotation) is removed when every part of it (split at ellipses, attribution left
 * out) occurs word for word in the rest of the body. A real blockquote, quoting a letter or a
 * tweet that the story does not repeat, does not pass that test and stays.
 */

import { isElement, nameOf, removeAndPrune, visibleText } from './captions-dom';
import { DomFacts } from './captions-facts';
import { wordCount, wordKey } from './text-similarity';

const PULL_HINT = /pull-?quote|pullquote|quote-?box|callout|tweetable|inline-?quote|highlight-?quote/i;
const ATTRIBUTION = 'cite, footer, figcaption, [class*="attrib"], [class*="author"], [class*="byline"]';
/** Shorter candidates are left alone: "Yes." repeated is not a pull quote worth a guess. */
const MIN_WORDS = 5;
/**
 * Pull quotes are a sentence or two. A longer unmarked blockquote that repeats the body is a
 * deliberate quotation (an essay quoted again for commentary) and stays; so does a longer standalone
 * quotation paragraph. Blocks marked as pull quotes by class have no limit.
 */
const MAX_UNMARKED_WORDS = 60;
const BLOCKS = new Set(['p', 'div', 'section']);
/** Elements that start a new line of text; containment must not run across them. */
const LINE_BREAKERS = new Set([
  'p',
  'div',
  'section',
  'article',
  'aside',
  'blockquote',
  'li',
  'ul',
  'ol',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'td',
  'th',
  'dd',
  'dt',
  'pre',
  'br',
  'header',
  'footer',
]);

/** The whole text is one quotation: opening mark at the start, closing mark near the end. */
function isWholeQuotation(text: string): boolean {
  return /^["“„«']/.test(text) && /["”»'][.!?]?$/.test(text) && !/["“”]/.test(text.slice(1, -2));
}

function isCandidate(el: Element, facts: DomFacts): boolean {
  const name = nameOf(el);
  if (name === 'blockquote' || name === 'aside') return true;
  if (isMarked(el)) return true;
  // Only leaf blocks: their texts are disjoint, so reading them all stays linear.
  if (!BLOCKS.has(name) || facts.hasBlocks(el)) return false;
  const text = visibleText(el);
  return isWholeQuotation(text) && wordCount(text) <= MAX_UNMARKED_WORDS;
}

function isMarked(el: Element): boolean {
  return PULL_HINT.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}

/** The quoted words of a candidate, without attribution ("— John Kirby", `<cite>`). */
function quotedText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const a of Array.from(clone.querySelectorAll(ATTRIBUTION))) a.remove();
  return visibleText(clone).replace(/(["”»])\s*[-–—]\s*[^"“”]{1,80}$/, '$1');
}

/** Text of `root` outside the candidates, one normalized line per block, each padded with spaces. */
function bodyLines(root: Element, skip: Set<Element>): string {
  let raw = '';
  // Iterative walk; `null` marks the end of a block element.
  const stack: Array<Node | null> = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) {
      raw += '\n';
    } else if (node.nodeType === 3) {
      raw += (node as Text).data;
    } else if (isElement(node) && !skip.has(node)) {
      if (LINE_BREAKERS.has(nameOf(node))) {
        raw += '\n';
        stack.push(null);
      }
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return `\n${raw
    .split('\n')
    .map((line) => ` ${wordKey(line)} `)
    .join('\n')}\n`;
}

/** Pieces of a quote that must each appear in the body: an ellipsis marks an omission. */
function pieces(text: string): string[] {
  return text
    .split(/\.\.\.|…|\[\s*\.\.\.\s*]/)
    .map(wordKey)
    .filter((k) => k !== '');
}

function containedIn(haystack: string, parts: string[]): boolean {
  return parts.every((p) => haystack.includes(` ${p} `));
}

/** Removes pull quotes that repeat the body; returns how many were removed. */
export function removePullQuotes(root: Element): number {
  const facts = new DomFacts(root);
  const candidates: Element[] = [];
  let insideUntil = -1;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const span = facts.get(el);
    // Outermost only: a <p> inside a pull-quote <aside> is the same candidate.
    if (!span || span.start < insideUntil || !isCandidate(el, facts)) continue;
    candidates.push(el);
    insideUntil = span.end;
  }
  if (candidates.length === 0) return 0;

  const body = bodyLines(root, new Set(candidates));
  const quotes = candidates.map((el) => {
    const text = quotedText(el);
    return { el, parts: pieces(text), words: wordCount(text), key: wordKey(text) };
  });
  let removed = 0;
  const gone = new Set<Element>();
  for (const [i, q] of quotes.entries()) {
    if (q.words < MIN_WORDS || q.parts.length === 0) continue;
    if (q.words > MAX_UNMARKED_WORDS && !isMarked(q.el)) continue;
    let repeated = containedIn(body, q.parts);
    // A pull quote may repeat a real blockquote instead of a paragraph. Bounded: candidates are few.
    if (!repeated && quotes.length <= 200) {
      repeated = quotes.some(
        (o, j) =>
          j !== i &&
          !gone.has(o.el) &&
          (o.key.length > q.key.length || (o.key === q.key && j < i)) &&
          containedIn(` ${o.key} `, q.parts),
      );
    }
    if (repeated && root.contains(q.el)) {
      removeAndPrune(q.el, root);
      gone.add(q.el);
      removed++;
    }
  }
  return removed;
}
