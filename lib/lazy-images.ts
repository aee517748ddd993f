/**
 * Lazy-loaded images. News sites ship `<img src="1x1.gif" data-src="real.jpg">` and let a script swap
 * the URL when the image scrolls into view; the reader view runs no such script, so the real URL has to
 * be moved into `src`/`srcset` before extraction (Readability scores and keeps images by their `src`).
 */

/** Attributes that lazy loaders use for the real image URL, most specific first. */
const SRC_ATTRS = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-orig-file',
  'data-actualsrc',
  'data-echo',
  'data-img-src',
  'data-image',
];
const SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set', 'data-srcset-webp'];

/** URLs that are a stand-in for the real image: blank/spacer files and tiny inline GIFs/PNGs. */
const PLACEHOLDER_WORD = /(^|[_.-])(placeholder|spacer|blank|1x1|lazyload|lazy-placeholder)([_.-]|$)/i;
/** Names that are only a placeholder when they are the whole file name ("loading.gif", "spinner2.gif", not
 * "loading-dock.jpg" or "fidget-spinner.jpg"). */
const PLACEHOLDER_NAME =
  /^(pixel|loading|loader|spinner|lazy|empty|grey|gray|dummy|transparent|clear|trans|px)\d*\.[a-z]+$/i;

/** Is this `src` value a placeholder rather than the real picture? */
export function isPlaceholderSrc(src: string | null | undefined): boolean {
  if (!src) return true;
  const value = src.trim();
  if (!value || value === '#' || value === 'about:blank' || value === 'null') return true;
  if (/^data:/i.test(value)) {
    // Inline SVG can be a real (small) drawing; inline GIFs and tiny PNGs/WebPs are spacers.
    if (/^data:image\/svg/i.test(value)) return value.length < 300;
    return /^data:image\/gif/i.test(value) || value.length < 200;
  }
  const file = (value.split(/[?#]/)[0] ?? '').split('/').pop() ?? '';
  return PLACEHOLDER_WORD.test(file) || PLACEHOLDER_NAME.test(file);
}

/**
 * A `src` the page's loader swaps out: a placeholder, or an inline raster preview (a blurred 300-pixel
 * WebP, searchlight.vc) standing in for the photo that a lazy attribute names.
 */
function isStandIn(src: string | null): boolean {
  return isPlaceholderSrc(src) || /^\s*data:image\/(?!svg)/i.test(src ?? '');
}

function firstUrl(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  return v && !/^data:/i.test(v) ? v : null;
}

/**
 * A loader's own attribute outside the lists above: `ta-srcset`, `nitro-lazy-src`. Only asked when
 * the image shows a placeholder, so a page's unrelated `*-src` attributes never replace a real picture.
 */
function ownLazyAttribute(el: Element, suffix: RegExp): string | null {
  for (const attr of Array.from(el.attributes)) {
    if (!suffix.test(attr.name)) continue;
    const value = firstUrl(attr.value);
    if (value && !isPlaceholderSrc(value.split(/\s/)[0])) return value;
  }
  return null;
}
const OWN_SRC = /.[-_]src$/;
const OWN_SRCSET = /.[-_]srcset$/;

function realSrc(img: Element): string | null {
  for (const name of SRC_ATTRS) {
    const url = firstUrl(img.getAttribute(name));
    if (url && !isPlaceholderSrc(url)) return url;
  }
  return isStandIn(img.getAttribute('src')) ? ownLazyAttribute(img, OWN_SRC) : null;
}

function realSrcset(el: Element): string | null {
  for (const name of SRCSET_ATTRS) {
    const value = el.getAttribute(name)?.trim();
    if (value && !/^data:/i.test(value)) return value;
  }
  return el.tagName === 'IMG' && isStandIn(el.getAttribute('src')) ? ownLazyAttribute(el, OWN_SRCSET) : null;
}

/** The largest candidate of a srcset, as a `src` of last resort. */
function largestFromSrcset(srcset: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const part of srcset.split(/,\s+(?=\S)/)) {
    const [url, descriptor] = part.trim().split(/\s+/);
    if (!url || /^data:/i.test(url)) continue;
    const size = descriptor ? Number.parseFloat(descriptor) : 1;
    if (size > bestSize) {
      best = url;
      bestSize = size;
    }
  }
  return best;
}

/**
 * Parses the fallback markup of a `<noscript>`. With scripting disabled (jsdom, Node) its content is
 * already elements; with scripting enabled (the browser) it is raw text, which a `<template>` parses
 * inertly (no image loads, no script runs).
 */
function noscriptImage(noscript: Element): HTMLImageElement | null {
  const direct = noscript.querySelector('img');
  if (direct) return direct as HTMLImageElement;
  const html = noscript.textContent ?? '';
  if (!/<img\b/i.test(html)) return null;
  const template = noscript.ownerDocument.createElement('template');
  template.innerHTML = html;
  return template.content.querySelector('img');
}

/** Copies the real URL of a `<noscript>` fallback onto a placeholder image just before it. */
function unwrapNoscript(noscript: Element): boolean {
  const fallback = noscriptImage(noscript);
  if (!fallback) return false;
  const src = fallback.getAttribute('src');
  if (!src || isPlaceholderSrc(src)) return false;
  let prev = noscript.previousElementSibling;
  // The placeholder is the previous sibling, or sits inside it (a wrapper span/picture).
  if (prev && prev.tagName !== 'IMG') prev = prev.querySelector('img');
  const doc = noscript.ownerDocument;
  if (prev && isPlaceholderSrc(prev.getAttribute('src')) && !realSrc(prev)) {
    prev.setAttribute('src', src);
    const srcset = fallback.getAttribute('srcset');
    if (srcset) prev.setAttribute('srcset', srcset);
    else prev.removeAttribute('srcset');
    if (!prev.getAttribute('alt') && fallback.getAttribute('alt'))
      prev.setAttribute('alt', fallback.getAttribute('alt')!);
    noscript.remove();
    return true;
  }
  if (!prev) {
    // Nothing to patch: the fallback itself becomes the image.
    const img = doc.importNode(fallback, true);
    noscript.replaceWith(img);
    return true;
  }
  return false;
}

/** Fixes one `<img>`: returns true when it changed. */
function fixImage(img: Element): boolean {
  let changed = false;
  const src = img.getAttribute('src');
  const lazySrc = realSrc(img);
  const lazySrcset = realSrcset(img);
  const srcset = img.getAttribute('srcset');
  if (lazySrcset && (!srcset || isPlaceholderSrc(srcset.split(/\s/)[0]))) {
    img.setAttribute('srcset', lazySrcset);
    changed = true;
  } else if (srcset && isPlaceholderSrc(srcset.split(/\s/)[0])) {
    img.removeAttribute('srcset');
    changed = true;
  }
  if (
    isPlaceholderSrc(src) ||
    // A preview inline in the page gives way to the photo only when the page names one.
    (isStandIn(src) && (lazySrc || lazySrcset)) ||
    (lazySrc && /\blazy/i.test(img.getAttribute('class') ?? '') && src !== lazySrc)
  ) {
    const best = lazySrc ?? largestFromSrcset(img.getAttribute('srcset') ?? '');
    if (best && best !== src) {
      img.setAttribute('src', best);
      changed = true;
    }
  }
  if (img.getAttribute('loading') === 'lazy') img.removeAttribute('loading');
  return changed;
}

/** `<picture><source data-srcset>`: the browser only reads `srcset`. */
function fixSource(source: Element): boolean {
  const lazy = realSrcset(source);
  const current = source.getAttribute('srcset');
  if (lazy && (!current || isPlaceholderSrc(current.split(/\s/)[0]))) {
    source.setAttribute('srcset', lazy);
    return true;
  }
  return false;
}

/** Resolves a srcset's URLs against `base`, keeping the width/density descriptors. */
function resolveSrcset(srcset: string, base: string): string {
  return srcset
    .split(/,\s+(?=\S)/)
    .map((part) => {
      const [url, ...rest] = part.trim().split(/\s+/);
      return [resolveUrl(url ?? '', base), ...rest].join(' ');
    })
    .join(', ');
}

/** Resolves `url` against `base`; leaves fragments, data: and unparsable values as they are. */
export function resolveUrl(url: string, base: string): string {
  const value = url.trim();
  if (!value || value.startsWith('#') || /^(data|javascript|mailto|tel):/i.test(value)) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/**
 * Makes every link and media URL in `root` absolute. Readability does this too, but against the
 * document's own `baseURI`, which is `about:blank` for a document parsed without a URL (the CLI, tests);
 * `pageUrl` is the URL the caller knows, combined with the page's `<base href>` when there is one.
 */
export function resolveUrls(root: ParentNode, pageUrl: string): void {
  const doc = (root as Node).ownerDocument ?? (root as unknown as Document);
  const baseHref = doc.querySelector?.('base[href]')?.getAttribute('href');
  const base = baseHref ? resolveUrl(baseHref, pageUrl) : pageUrl;
  for (const a of Array.from(root.querySelectorAll('a[href], area[href]'))) {
    a.setAttribute('href', resolveUrl(a.getAttribute('href')!, base));
  }
  for (const el of Array.from(
    root.querySelectorAll('img[src], source[src], video[src], audio[src], track[src]'),
  )) {
    el.setAttribute('src', resolveUrl(el.getAttribute('src')!, base));
  }
  for (const el of Array.from(root.querySelectorAll('img[srcset], source[srcset]'))) {
    el.setAttribute('srcset', resolveSrcset(el.getAttribute('srcset')!, base));
  }
  for (const el of Array.from(root.querySelectorAll('video[poster]'))) {
    el.setAttribute('poster', resolveUrl(el.getAttribute('poster')!, base));
  }
}

/** Replaces lazy-loading placeholders in `root` with the real images; returns how many changed. */
export function fixLazyImages(root: ParentNode): number {
  let changed = 0;
  for (const noscript of Array.from(root.querySelectorAll('noscript'))) {
    if (noscript.isConnected && unwrapNoscript(noscript)) changed++;
  }
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (fixImage(img)) changed++;
  }
  for (const source of Array.from(root.querySelectorAll('picture source'))) {
    if (fixSource(source)) changed++;
  }
  // A lazy <figure data-src> without any image (seen on NYT): give it one.
  for (const figure of Array.from(root.querySelectorAll('figure'))) {
    if (figure.querySelector('img, picture, video, iframe')) continue;
    const src = realSrc(figure);
    if (!src) continue;
    const img = figure.ownerDocument.createElement('img');
    img.setAttribute('src', src);
    figure.prepend(img);
    changed++;
  }
  return changed;
}
