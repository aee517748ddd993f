/**
 * Safety invariants for sanitizer output, shared by the sanitizer's unit, fixture and fuzz tests.
 *
 * Deliberately independent of lib/sanitize.ts: the allowlists are restated here from the spec,
 * and URLs are judged by the WHATWG URL parser (what a browser would actually do with them), not
 * by the sanitizer's own isAllowedUrl.
 */
import { expect } from 'vitest';
import { sanitizeArticle, serializeFragment } from '../../lib/sanitize';

const XHTML = 'http://www.w3.org/1999/xhtml';

/** The article markup the spec allows; anything else in the output is a violation. */
export const SPEC_TAGS = new Set(
  (
    'p br h1 h2 h3 h4 h5 h6 a img picture figure figcaption blockquote q ul ol li dl dt dd table thead ' +
    'tbody tfoot tr th td caption colgroup col pre code kbd samp em strong b i u s sub sup small mark ' +
    'abbr cite time span div section article aside header footer hr details summary del ins wbr'
  ).split(' '),
);

/**
 * Attributes the spec allows (plus target/rel, which the sanitizer sets on links itself, and the
 * reader's own markers: quotes, quoted terms, an icon drawn in its line).
 */
export const SPEC_ATTRS = new Set(
  (
    'href src srcset alt title width height colspan rowspan datetime lang dir loading decoding ' +
    'data-speaker data-quote-cont data-term data-inline start reversed scope span target rel'
  ).split(' '),
);

/** Elements that must never appear, named so failures say what went wrong. */
export const DANGEROUS_TAGS = [
  'script',
  'iframe',
  'object',
  'embed',
  'style',
  'frame',
  'frameset',
  'base',
  'meta',
  'link',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'template',
  'noscript',
  'svg',
  'math',
  'foreignobject',
  'video',
  'audio',
  'source',
  'track',
  'dialog',
  'slot',
  'portal',
  'applet',
];

/** Every attribute that can carry a URL somewhere in HTML/SVG/MathML. */
export const URL_ATTRS = [
  'href',
  'src',
  'srcset',
  'xlink:href',
  'action',
  'formaction',
  'background',
  'poster',
  'data',
  'cite',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'ping',
  'codebase',
  'manifest',
  'icon',
  'usemap',
  'profile',
];

const BASE = 'https://reader.invalid/story/page.html';
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[a-z0-9+/]*={0,2}$/i;

/** The scheme a browser would give `value` (relative values resolve to the https base). */
function browserProtocol(value: string): string {
  try {
    return new URL(value, BASE).protocol;
  } catch {
    return 'invalid:'; // unparseable: a browser will not load or navigate it
  }
}

/** Whether a browser would treat `value` as a harmless link target. */
export function isSafeLink(value: string): boolean {
  return ['http:', 'https:', 'mailto:', 'invalid:'].includes(browserProtocol(value));
}

/** Whether a browser would treat `value` as a harmless image source. */
export function isSafeImage(value: string): boolean {
  const protocol = browserProtocol(value);
  if (protocol === 'data:') return RASTER_DATA.test(value.replace(/\s+/g, ''));
  return ['http:', 'https:', 'invalid:'].includes(protocol);
}

/** The URLs inside a srcset value (descriptors and separators dropped). */
export function srcsetUrls(value: string): string[] {
  return value
    .trim()
    .split(/\s+/)
    .map((token) => token.replace(/^,+|,+$/g, ''))
    .filter((token) => token && !/^\d+(?:\.\d+)?[wxh]$/i.test(token));
}

function checkElement(el: Element, out: string[]): void {
  const tag = el.localName;
  const where = `<${tag}>`;
  if (el.namespaceURI !== XHTML) out.push(`${where} in foreign namespace ${el.namespaceURI}`);
  if (DANGEROUS_TAGS.includes(tag)) out.push(`dangerous element ${where}`);
  else if (!SPEC_TAGS.has(tag)) out.push(`element ${where} not in the allowlist`);
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    const value = attr.value;
    if (name.startsWith('on')) out.push(`${where} has event handler ${name}`);
    else if (['style', 'id', 'name', 'class', 'srcdoc', 'is'].includes(name))
      out.push(`${where} has ${name}=`);
    else if (!SPEC_ATTRS.has(name)) out.push(`${where} has non-allowlisted attribute ${name}`);
    if (!URL_ATTRS.includes(name)) continue;
    if (name === 'href' && tag === 'a') {
      if (!isSafeLink(value)) out.push(`<a> has unsafe href ${JSON.stringify(value)}`);
    } else if (name === 'src' && tag === 'img') {
      if (!isSafeImage(value)) out.push(`<img> has unsafe src ${JSON.stringify(value)}`);
    } else if (name === 'srcset' && tag === 'img') {
      for (const url of srcsetUrls(value)) {
        if (!isSafeImage(url) || url.startsWith('data:')) out.push(`<img> srcset has ${JSON.stringify(url)}`);
      }
    } else {
      out.push(`${where} carries URL attribute ${name}=${JSON.stringify(value)}`);
    }
  }
  if (tag === 'a' && el.hasAttribute('href')) {
    const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
    if (el.getAttribute('target') !== '_blank') out.push('<a href> without target=_blank');
    if (!rel.includes('noopener') || !rel.includes('noreferrer'))
      out.push('<a href> without rel=noopener noreferrer');
  }
}

/** Every safety violation in `root` (empty when the tree is safe). */
export function findViolations(root: Node): string[] {
  const out: string[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  // 0xfff = SHOW_ALL, so comments and processing instructions are seen too.
  const walker = doc.createTreeWalker(root, 0xfff);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node === root) continue;
    if (node.nodeType === 1) checkElement(node as Element, out);
    else if (node.nodeType === 7) out.push('processing instruction in output');
    else if (node.nodeType === 8) out.push('comment in output');
  }
  return out;
}

/** Parses HTML as a fresh, inert body (what a later innerHTML/adoption would make of it). */
export function reparse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html').body;
}

export interface Checked {
  fragment: DocumentFragment;
  html: string;
}

/**
 * Sanitizes `input` and asserts every invariant: a DocumentFragment, no violations in it, none
 * after a serialize/parse round trip (mutation XSS), and idempotence of sanitize∘serialize.
 */
export function sanitizeAndCheck(input: Element | string, label = ''): Checked {
  const fragment = sanitizeArticle(input);
  expect(fragment.nodeType, `${label}: returns a DocumentFragment`).toBe(11);
  expect(findViolations(fragment), `${label}: output is safe`).toEqual([]);
  const html = serializeFragment(fragment);
  expect(findViolations(reparse(html)), `${label}: reparsed output is safe`).toEqual([]);
  expect(serializeFragment(sanitizeArticle(html)), `${label}: sanitizing twice changes nothing`).toBe(html);
  return { fragment, html };
}
