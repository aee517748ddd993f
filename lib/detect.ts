import { isProbablyReaderable } from '@mozilla/readability/Readability-readerable.js';
import type { Detection } from './types';

/** Is this page a news/story article? Cheap enough for every page load on a granted site. (stub) */
export function detectArticle(doc: Document, _url?: string): Detection {
  const ok = isProbablyReaderable(doc);
  return { isArticle: ok, reason: ok ? 'readerable' : 'not readerable' };
}
