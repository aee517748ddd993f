/**
 * Text encoded as UTF-8 twice: "Earth’s" stored as "Earthâ\u0080\u0099s" (its bytes read as Latin-1)
 * or shown as "Earthâ€™s" (read as Windows-1252), a classic of blogs moved between databases. A
 * reader that shows the story cleanly should show the words the writer typed.
 *
 * Only sequences that cannot be meant are repaired: a lead character of a UTF-8 sequence followed
 * by the right number of continuation characters, one of which at least is a C1 control or a
 * Windows-1252 punctuation mark (never found after "â" or "Ã" in real text). "Ã¤" in a post about
 * mojibake stays as written. See https://en.wikipedia.org/wiki/Mojibake.
 */

// Windows-1252's characters for the bytes 0x80–0x9F (its five undefined bytes as the C1 controls).
const CP1252 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';
const TRIGGER = `\\x80-\\x9F${CP1252}`;
const SUSPECT = new RegExp(`[\\xC2-\\xF4][\\x80-\\xBF${TRIGGER}]*[${TRIGGER}]`);
const RUN = new RegExp(`[\\xC2-\\xF4][\\x80-\\xBF${TRIGGER}]{1,3}`, 'g');
const HAS_TRIGGER = new RegExp(`[${TRIGGER}]`);

function byteOf(ch: string): number {
  const c = ch.charCodeAt(0);
  return c <= 0xff ? c : CP1252.indexOf(ch) + 0x80;
}

/** The character a run's bytes spell in UTF-8, and what follows it; null when they spell nothing. */
function decodeRun(run: string): string | null {
  const bytes = Array.from(run, byteOf);
  const lead = bytes[0];
  const n = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (bytes.length < n || !HAS_TRIGGER.test(run.slice(1, n))) return null;
  let cp = lead & (0xff >> (n + 1));
  for (let i = 1; i < n; i++) {
    if (bytes[i] < 0x80 || bytes[i] > 0xbf) return null;
    cp = (cp << 6) | (bytes[i] & 0x3f);
  }
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return String.fromCodePoint(cp) + run.slice(n);
}

/** `text` with doubly encoded characters repaired (unchanged, and cheap, in the common case). */
export function repairMojibake(text: string): string {
  return SUSPECT.test(text) ? text.replace(RUN, (run) => decodeRun(run) ?? run) : text;
}

/** Repairs every text node under `root`; the check on the whole text comes first. */
export function repairMojibakeIn(root: Element): void {
  if (!SUSPECT.test(root.textContent ?? '')) return;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    const fixed = repairMojibake(t.data);
    if (fixed !== t.data) t.data = fixed;
  }
}
