/**
 * Progressive first paint. Laying out a long story is most of the reader's first frame (about 10 ms
 * of a 17 ms frame on the development corpus, in a fresh page), yet the person sees one screenful of
 * it. So the first frame lays out what can fill the screen, and the rest of the story joins in the
 * task right after that frame: before anyone could scroll to it. (`content-visibility: auto` would do
 * the same natively, but its paint containment clips focus outlines at the edge of every block.)
 */

/** Marks the container of the story's later part while it waits (tests and benchmarks look for it). */
export const REST_ATTRIBUTE = 'data-reader-rest';

/**
 * Characters that can fill a viewport of `width` × `height` CSS pixels at the smallest text size
 * (15 px, about 7.5 px a character, 1.5 lines): an over-estimate, since the column is narrower.
 */
export function firstScreenChars(width: number, height: number): number {
  return Math.max(3000, Math.round((width * height) / (7.5 * 22.5)));
}

/**
 * Moves everything after the first `budget` characters of `root`'s story blocks into a hidden
 * container, in place, and returns it (null when the story is short enough to show whole). Single
 * wrappers (Readability's page `<div>`) are looked through, so the cut falls between blocks.
 */
export function deferRest(root: ParentNode, budget: number): HTMLElement | null {
  let parent: ParentNode = root;
  for (;;) {
    const blocks = Array.from(parent.childNodes).filter((n) => n.nodeType === 1 || n.textContent?.trim());
    if (blocks.length !== 1 || blocks[0].nodeType !== 1) break;
    parent = blocks[0] as Element;
  }
  let used = 0;
  let cut: ChildNode | null = null;
  for (const node of Array.from(parent.childNodes)) {
    if (used >= budget) {
      cut = node;
      break;
    }
    used += node.textContent?.length ?? 0;
  }
  if (!cut) return null;
  const doc = (cut.ownerDocument ?? document) as Document;
  const rest = doc.createElement('div');
  rest.setAttribute(REST_ATTRIBUTE, '');
  // Through the CSSOM, which a page's Content-Security-Policy does not govern (style attributes it may).
  rest.style.setProperty('display', 'none', 'important');
  parent.insertBefore(rest, cut);
  while (rest.nextSibling) rest.appendChild(rest.nextSibling);
  return rest;
}

/** Puts the deferred part back where it was, unwrapped. */
export function revealRest(rest: HTMLElement): void {
  rest.replaceWith(...Array.from(rest.childNodes));
}

/**
 * A tab in the background draws no frame, and a frame callback waits until it is shown (an auto-opened
 * reader in a tab opened behind the current one; a tab the person left while the story was read).
 * https://html.spec.whatwg.org/multipage/imagebitmap-and-animations.html#animation-frames
 * So the frame is not waited for past this long, and not at all while the page is hidden: the rest
 * then joins at once, costing no frame anyone sees.
 */
const FRAME_WAIT_MS = 1000;

/**
 * Calls `fn` in the first task after the next frame is drawn (a frame callback runs just before the
 * frame; a task it queues runs after), or soon when no frame is coming. Returns a cancel function.
 */
export function afterNextFrame(win: Window, fn: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    fn();
  };
  const timers: number[] = [];
  const later = (ms: number) => void timers.push(win.setTimeout(run, ms));
  const onVisibility = () => {
    if (win.document.hidden) later(0);
  };
  const frame = win.requestAnimationFrame(() => later(0));
  later(win.document.hidden ? 0 : FRAME_WAIT_MS);
  win.document.addEventListener('visibilitychange', onVisibility);
  function cancel() {
    done = true;
    win.cancelAnimationFrame(frame);
    for (const timer of timers) win.clearTimeout(timer);
    win.document.removeEventListener('visibilitychange', onVisibility);
  }
  return cancel;
}
