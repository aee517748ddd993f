import { useLayoutEffect, useRef } from 'preact/hooks';
import { afterNextFrame, deferRest, firstScreenChars, revealRest } from './first-screen';

/**
 * The sanitized story. In the browser it adopts the DOM fragment DOMPurify returned (no
 * re-parse of HTML after sanitizing, so no mutation-XSS window); the CLI passes a string
 * that was serialized from that same fragment.
 */
export function ArticleBody({ content }: { content: DocumentFragment | string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof content === 'string') return;
    const story = el.ownerDocument.importNode(content, true);
    for (const img of story.querySelectorAll('img')) {
      img.loading = 'lazy';
      img.decoding = 'async';
    }
    const win = el.ownerDocument.defaultView;
    // The first screenful in the first frame, the rest in the task after it (see first-screen.ts).
    const rest = win ? deferRest(story, firstScreenChars(win.innerWidth, win.innerHeight)) : null;
    el.replaceChildren(story);
    if (!rest || !win) return;
    return afterNextFrame(win, () => revealRest(rest));
  }, [content]);
  if (typeof content === 'string') {
    return <div class="article-body" dangerouslySetInnerHTML={{ __html: content }} />;
  }
  return <div class="article-body" ref={ref} />;
}
