import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { type BylineSignals, bylineSignals } from './detect-byline';
import { type MetaSignals, metaSignals } from './detect-meta';
import { type TextSignals, textSignals } from './detect-text';
import { type UrlShape, urlShape } from './detect-url';
import type { Detection } from './types';

export interface DetectSignals {
  url: UrlShape;
  meta: MetaSignals;
  text: TextSignals;
  near: BylineSignals;
  readerable: boolean;
}

export function collectSignals(doc: Document, url?: string): DetectSignals {
  let readerable = false;
  try {
    readerable = isProbablyReaderable(doc);
  } catch {
    readerable = false;
  }
  return {
    url: urlShape(url ?? doc.URL),
    meta: metaSignals(doc),
    text: textSignals(doc),
    near: bylineSignals(doc),
    readerable,
  };
}

/** Is this page a news/story article? Cheap enough for every page load on a granted site. */
export function detectArticle(doc: Document, url?: string): Detection {
  try {
    const s = collectSignals(doc, url);
    const ok = s.readerable;
    return { isArticle: ok, reason: ok ? 'readerable' : 'not readerable' };
  } catch (e) {
    return { isArticle: false, reason: `error: ${(e as Error)?.message ?? e}` };
  }
}
