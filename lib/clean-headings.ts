/**
 * Before Readability: headings whose class or id trips Readability's "unlikely candidate" words.
 *
 * Readability removes every element whose class and id match words like "header", "social", "extra"
 * or "community" before it scores the page, headings included
 * (https://github.com/mozilla/readability/blob/main/Readability.js, REGEXPS.unlikelyCandidates).
 * On a heading those words usually describe the heading, not page furniture:
 * - Substack marks every section heading `class="header-anchor-post"`, WP Recipe Maker its
 *   "Ingredients" and "Instructions" `wprm-recipe-header`, Divi its `et_pb_module_header`;
 * - table-of-contents plugins give each heading an id made of its own words ("4-sociallyin",
 *   "h-fees-for-optional-extras", "community-health-files").
 * On the development corpus that took 224 section headings out of 44 stories. A heading whose class
 * says "header" is a heading; an id spelt from the heading's text names nothing but the heading. The
 * working copy drops such ids (the sanitizer removes every id anyway) and reads "header" in a
 * heading's class as "heading"; other class words (a "related-header", a "menu-title") still count.
 */

const HEADINGS = 'h2, h3, h4, h5, h6';

/** Letters and digits only, lower-cased: "4. Sociallyin" and "4-sociallyin" both read "4sociallyin". */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Is `id` spelt from `text` (whole, cut short, or behind a short prefix like "h-")? */
export function idFromText(id: string, text: string): boolean {
  const a = squash(id);
  const t = squash(text);
  if (a.length < 4 || t.length < 4) return false;
  // Generators cut long headings short, and some put a letter or two before ("h-", "toc-").
  const at = a.indexOf(t.slice(0, Math.min(t.length, 12)));
  if (at < 0 || at > 3) return false;
  // A second heading of the same words gets a counter: "fees-for-optional-extras-1".
  const rest = a.slice(at);
  return t.startsWith(rest) || t.startsWith(rest.replace(/\d{1,2}$/, ''));
}

/** Mutates the working copy; returns how many headings were changed. */
export function unflagHeadings(root: Element): number {
  let changed = 0;
  for (const h of Array.from(root.querySelectorAll(HEADINGS))) {
    let touched = false;
    const id = h.getAttribute('id');
    if (id && idFromText(id, h.textContent ?? '')) {
      h.removeAttribute('id');
      touched = true;
    }
    const cls = h.getAttribute('class');
    if (cls && /header/i.test(cls)) {
      h.setAttribute('class', cls.replace(/header/gi, 'heading'));
      touched = true;
    }
    if (touched) changed++;
  }
  return changed;
}
