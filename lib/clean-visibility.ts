/**
 * Hidden elements. Readability drops them too, except that a collapsed part of the story (an accordion
 * panel, a "read more" remainder) is hidden only until the reader clicks, so it is revealed instead.
 */
import { boilerplateKind, nameTokens } from './clean-names';
import { hasMedia, linkDensity, nonLinkTextLength, normalize } from './dom-text';

/** Hidden: `hidden`, inline display:none/visibility:hidden, and aria-hidden containers that are not images. */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  if (el.getAttribute('aria-hidden') === 'true') {
    // Decorative images are aria-hidden yet are part of the story's figures.
    return !hasMedia(el) && !/^(IMG|PICTURE|FIGURE)$/i.test(el.tagName);
  }
  return false;
}

/**
 * The eyes' half of a pair: "13<span class="sr-only"> hours</span> <span aria-hidden="true">hrs</span>"
 * (WP Recipe Maker's times, price and rating widgets). The screen-reader half goes as furniture, so
 * this one is what the reader view shows: the cleanup takes its aria-hidden off (Readability, too,
 * drops what is aria-hidden).
 */
export function shownTwin(el: Element): boolean {
  if (el.getAttribute('aria-hidden') !== 'true' || (el.textContent ?? '').length > 40) return false;
  const prev = el.previousElementSibling;
  for (const n of [prev, prev?.lastElementChild, el.nextElementSibling])
    if (n && boilerplateKind(n) === 'srOnly') return true;
  return false;
}

/**
 * A collapsed part of the story: an accordion panel, a "read more" remainder, an FAQ answer. It is
 * hidden only until the reader clicks, so the reader view shows it. Menus, pop-ups and dialogs are
 * hidden too but are mostly links or named as such; aria-hidden text is a duplicate for sighted users.
 */
export function isCollapsedContent(
  el: Element,
  visibleText: () => string = () => pageVisibleText(el.ownerDocument),
): boolean {
  if (el.getAttribute('aria-hidden') === 'true') return false;
  if (el.closest('nav, header, footer, aside, dialog, [role="dialog"], [role="navigation"], [role="menu"]'))
    return false;
  const overlay =
    /(^|-)(modal|popup|pop-?up|dialog|overlay|lightbox|drawer|menu|dropdown|tooltip|toast|banner)(-|$)/;
  if (nameTokens(el).some((t) => overlay.test(t))) return false;
  if (boilerplateKind(el)) return false;
  const length = nonLinkTextLength(el);
  if (length < 100 || linkDensity(el) >= 0.3) return false;
  // Panels hold paragraphs or lists; a bare hidden sentence is a tooltip or a screen-reader label.
  if (length < 300 && !el.querySelector('p, li, table, blockquote')) return false;
  const text = normalize(el.textContent);
  if (
    /\blorem ipsum\b|\b(requires?|enable|turn on) javascript\b|\bjavascript is (disabled|required)\b/i.test(
      text,
    )
  )
    return false;
  const visible = visibleText();
  // A hidden copy of text that is shown elsewhere (the other layout's copy of the story).
  if (visible.includes(text.slice(0, 120))) return false;
  // A panel is a few paragraphs. A longer hidden block is an alternative view (hidden footnotes, a
  // print version), unless the page shows less than it: then it is the story, waiting for a script.
  return length <= 4000 || visible.length < length;
}

/** The page's text outside hidden elements. */
export function pageVisibleText(doc: Document): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (
        c.nodeType === 1 &&
        !isHidden(c as Element) &&
        !/^(SCRIPT|STYLE|TEMPLATE)$/.test((c as Element).tagName)
      )
        walk(c);
    }
  };
  if (doc.body) walk(doc.body);
  return normalize(parts.join(' '));
}

/** Makes a collapsed element visible. */
export function reveal(el: Element): void {
  el.removeAttribute('hidden');
  const style = el.getAttribute('style');
  if (style)
    el.setAttribute(
      'style',
      style.replace(/(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?/gi, '$1'),
    );
}
