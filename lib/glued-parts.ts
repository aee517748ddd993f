/**
 * Page styles set apart what textContent glues: "Harry RabinowitzTech Reporter" in a byline box,
 * "…a focus.Erik Isakson / Getty Images" in a caption. Readability and the reader read text, so the
 * space the styles gave goes back in as a character.
 */

const INLINE = /^(?:a|abbr|b|cite|em|i|small|span|strong|time|u)$/;

/**
 * Puts a space before each inline element of `box` glued to the text before it, and `blockBreak`
 * (when given) before each block that follows something. Not after an opening parenthesis, a slash
 * or a dash ("Wei-An Jin/Quanta Magazine"), and never before punctuation.
 */
export function spaceGluedParts(box: Element, blockBreak?: string): void {
  for (const el of Array.from(box.querySelectorAll('*'))) {
    const prev = el.previousSibling;
    if (!prev) continue;
    if (!INLINE.test(el.localName)) {
      if (blockBreak) el.before(blockBreak);
    } else if (
      /[^\s(/\u2014\u2013-]$/.test(prev.textContent ?? '') &&
      /^[\p{L}\p{N}(\u00a9]/u.test(el.textContent ?? '')
    ) {
      el.before(' ');
    }
  }
}
