/**
 * Measures of an element's text shared by the cleanup stages: whitespace-collapsed text, link text and
 * link density, media, and the "does this read like the story?" test every removal rule defers to.
 */
/**
 * Was `el` removed (with an ancestor) since the list was collected? Not `isConnected`: Readability's
 * result is a detached tree, where every element reports `isConnected === false`.
 */
export function detached(el: Element, root: Node): boolean {
  return !root.contains(el);
}

export const normalize = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * The line `el` is: its highest ancestor below `root` that holds nothing but `el`'s text (a <strong>
 * inside a <p>, a link inside a wrapper div).
 */
export function wholeLine(el: Element, root: Element): Element {
  const text = normalize(el.textContent);
  let line = el;
  while (
    line.parentElement &&
    line.parentElement !== root &&
    normalize(line.parentElement.textContent) === text
  )
    line = line.parentElement;
  return line;
}

/** `href` read against `base` (an address, or null when it is not one). */
export function parseUrl(href: string | null | undefined, base?: URL | string): URL | null {
  try {
    return new URL(href ?? '', base);
  } catch {
    return null;
  }
}

/** Letters and digits only, lower-cased: "4. Sociallyin" and "4-sociallyin" both read "4sociallyin". */
export const lettersAndDigits = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += normalize(a.textContent).length;
  return n;
}

/** Length of an element's text outside links: a rough measure of how much there is to read. */
export function nonLinkTextLength(el: Element): number {
  return normalize(el.textContent).length - linkTextLength(el);
}

/** Share of an element's text that is link text (0…1). */
export function linkDensity(el: Element): number {
  const total = normalize(el.textContent).length;
  if (!total) return 0;
  const own = el.tagName === 'A' ? total : linkTextLength(el);
  return Math.min(1, own / total);
}

/**
 * Do these elements hold the story (or a large part of it)? Several long paragraphs of text that is
 * not link text: no share bar, teaser list or newsletter box looks like that.
 */
export function looksLikeStory(...els: Element[]): boolean {
  let long = 0;
  let chars = 0;
  for (const el of els) {
    const paragraphs = el.tagName === 'P' ? [el] : Array.from(el.querySelectorAll('p'));
    for (const p of paragraphs) {
      const own = normalize(p.textContent).length - linkTextLength(p);
      if (own >= 80) {
        long++;
        chars += own;
      }
      if (long >= 3 && chars >= 400) return true;
    }
  }
  return false;
}

export const MEDIA = 'img, picture, video, audio, iframe, svg, canvas, object, embed, math, table';
const MEDIA_TAG = /^(IMG|PICTURE|VIDEO|AUDIO|IFRAME|SVG|CANVAS|OBJECT|EMBED|MATH|TABLE)$/i;

export function hasMedia(el: Element): boolean {
  return MEDIA_TAG.test(el.tagName) || el.querySelector(MEDIA) !== null;
}

/** Text of a small element with its text nodes joined by spaces (`textContent` glues `<li>XS</li><li>SM</li>`). */
export function spacedText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) walk(c);
    }
  };
  walk(el);
  return normalize(parts.join(' '));
}
