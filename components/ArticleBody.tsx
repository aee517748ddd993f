import { useLayoutEffect, useRef } from 'preact/hooks';

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
    el.replaceChildren(el.ownerDocument.importNode(content, true));
    for (const img of el.querySelectorAll('img')) {
      img.loading = 'lazy';
      img.decoding = 'async';
    }
  }, [content]);
  if (typeof content === 'string') {
    return <div class="article-body" dangerouslySetInnerHTML={{ __html: content }} />;
  }
  return <div class="article-body" ref={ref} />;
}
