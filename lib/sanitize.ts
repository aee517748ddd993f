/**
 * The article sanitizer: the only gate between a hostile page and the reader view.
 *
 * Everything the extractor hands over is untrusted markup. It goes through a dedicated DOMPurify
 * instance (one per window, so hooks never leak into anyone else's DOMPurify) with an explicit
 * allowlist: plain article markup, no scripting surface, no styling (the reader styles everything
 * itself), no ids/names/classes (nothing to clobber or to hook page CSS onto), and URLs limited to
 * schemes that cannot run code.
 *
 * SVG and MathML are forbidden outright. A reader needs neither, and the namespace switches between
 * HTML, SVG and MathML (`<svg><style>`, `<math><mtext><mglyph>`, `<foreignObject>`,
 * `<annotation-xml>`) are where nearly every published DOMPurify bypass lived. We do not use
 * `USE_PROFILES: { html: true }` because DOMPurify lets a profile override ALLOWED_TAGS/ALLOWED_ATTR;
 * instead the HTML-only allowlist is spelled out and ALLOWED_NAMESPACES is pinned to XHTML.
 *
 * The result is a DocumentFragment owned by DOMPurify's *inert* document (no scripts, no loads).
 * Callers must `document.importNode(fragment, true)` (or adoptNode) it into the document that
 * hosts the reader's shadow root before appending.
 */
import DOMPurify, {
  type Config,
  type DOMPurify as Purifier,
  type UponSanitizeAttributeHookEvent,
  type WindowLike,
} from 'dompurify';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Plain article markup. Anything else is unwrapped (its text kept) or dropped with its content. */
// biome-ignore format: a packed word list reads better than one word per line
const ALLOWED_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'picture', 'figure', 'figcaption',
  'blockquote', 'q', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'th', 'td', 'caption', 'colgroup', 'col', 'pre', 'code', 'kbd', 'samp', 'em', 'strong', 'b', 'i',
  'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'time', 'span', 'div', 'section',
  'article', 'aside', 'header', 'footer', 'hr', 'details', 'summary', 'del', 'ins', 'wbr',
  // The parse root DOMPurify walks from; never in the output (a fragment holds only its children).
  // Left out, DOMPurify would "remove" the root on every call and clone all of its children.
  'body',
];

/**
 * Belt and braces: these can never be allowed, even if someone widens ALLOWED_TAGS later.
 * `<source>`/`<audio>`/`<video>`/`<track>` are here because their URLs (and autoplay) are not
 * worth constraining for a reader; a `<picture>` keeps its `<img>` fallback.
 */
// biome-ignore format: a packed word list reads better than one word per line
const FORBID_TAGS = [
  'script', 'style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'optgroup',
  'datalist', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'base', 'meta',
  'link', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'listing', 'svg',
  'math', 'foreignobject', 'annotation-xml', 'audio', 'video', 'source', 'track', 'canvas', 'map',
  'area', 'dialog', 'slot', 'portal', 'fencedframe', 'title', 'head', 'html', 'image',
  'isindex', 'keygen', 'marquee', 'selectedcontent',
];

/** Forbidden elements whose *content* is dropped too (code, form widgets, embeds, foreign trees). */
// biome-ignore format: a packed word list reads better than one word per line
const FORBID_CONTENTS = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'iframe',
  'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'foreignobject', 'annotation-xml',
  'desc', 'mi', 'mn', 'mo', 'ms', 'mtext', 'audio', 'video', 'canvas', 'button', 'select', 'option',
  'optgroup', 'datalist', 'textarea', 'dialog', 'head', 'title', 'selectedcontent',
];

/**
 * `start`/`reversed`/`scope`/`span` are additions to the brief's list: numbered lists and table
 * headers lose meaning without them, and none of them can carry a URL or script. `data-term` marks
 * a quoted term nobody says (quotes.ts), `data-inline` an icon drawn in its line (clean-images.ts).
 */
// biome-ignore format: a packed word list reads better than one word per line
const ALLOWED_ATTR = [
  'href', 'src', 'srcset', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'datetime',
  'lang', 'dir', 'loading', 'decoding', 'data-speaker', 'data-quote-cont', 'data-term', 'data-inline', 'start', 'reversed',
  'scope', 'span',
];

/**
 * Explicitly forbidden (FORBID_ATTR beats any allowlist). `on*` handlers are not listable by
 * prefix here; DOMPurify never allows them and our hook rejects them again.
 */
// biome-ignore format: a packed word list reads better than one word per line
const FORBID_ATTR = [
  'style', 'srcdoc', 'formaction', 'action', 'ping', 'autofocus', 'id', 'name', 'class', 'is',
  'xmlns', 'xlink:href', 'background', 'poster', 'data', 'codebase', 'longdesc', 'lowsrc',
  'dynsrc', 'usemap', 'cite', 'manifest', 'sizes', 'nonce', 'slot', 'part', 'popover',
  'popovertarget', 'target', 'rel', 'contenteditable', 'tabindex', 'accesskey', 'draggable',
];

/**
 * Second line of defence for URL attributes (DOMPurify applies it after our hook): only
 * http(s)/mailto or scheme-less values. Image data: URLs pass through DOMPurify's own
 * data-URI rule for <img src>, after our hook has restricted them to raster base64.
 */
const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The complete, explicit DOMPurify configuration (frozen; DOMPurify clones it per call). */
export const SANITIZE_CONFIG: Readonly<Config> & { readonly RETURN_DOM_FRAGMENT: true } = deepFreeze({
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  FORBID_ATTR,
  FORBID_CONTENTS,
  ALLOWED_NAMESPACES: [XHTML_NS],
  NAMESPACE: XHTML_NS,
  PARSER_MEDIA_TYPE: 'text/html',
  ALLOWED_URI_REGEXP,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Attribute values containing "/>" are an old jQuery-era mXSS trick; article alt text never needs it.
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  SAFE_FOR_XML: true,
  SAFE_FOR_TEMPLATES: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
  FORCE_BODY: false,
  IN_PLACE: false,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: true,
  RETURN_TRUSTED_TYPE: false,
} as const satisfies Config) as Readonly<Config> & { readonly RETURN_DOM_FRAGMENT: true };

// ---------------------------------------------------------------------------------------------
// URL policy
// ---------------------------------------------------------------------------------------------

/**
 * Characters a browser (or an older one) may ignore inside a scheme: C0 controls, space, DEL,
 * and the Unicode spaces DOMPurify's own ATTR_WHITESPACE lists, plus BOM/zero-width marks.
 */
const IGNORABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/g;

/** The handful of named references that matter for scheme obfuscation (`java&Tab;script&colon;`). */
// biome-ignore format: a packed word list reads better than one word per line
const NAMED_REFS: Record<string, string> = {
  colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0', sol: '/', lpar: '(', rpar: ')',
  period: '.', comma: ',', amp: '&', quot: '"', apos: "'", num: '#', excl: '!',
};

/**
 * Decodes character references once. Attribute values reaching us are already decoded by the
 * parser; this is for direct callers of isAllowedUrl and for double-encoded values, checked
 * conservatively (a value is rejected if either its raw or its decoded form is disallowed).
 */
function decodeRefs(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_REFS[ref.toLowerCase()] ?? whole;
  });
}

/** 'relative' for scheme-less values, the lower-cased scheme, or 'opaque' for a colon we cannot read. */
function schemeOf(compact: string): string {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (m) return m[1].toLowerCase();
  const colon = compact.indexOf(':');
  if (colon === -1) return 'relative';
  const pathStart = compact.search(/[/?#\\]/);
  // A colon before any path/query/fragment delimiter could be a scheme after some browser's cleanup.
  return pathStart !== -1 && pathStart < colon ? 'relative' : 'opaque';
}

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'relative']);
const IMAGE_SCHEMES = new Set(['http', 'https', 'relative']);
/** Raster images only: data:image/svg+xml can carry script when opened on its own. */
const RASTER_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[a-z0-9+/]*={0,2}$/i;

function allowedForm(compact: string, kind: 'link' | 'image'): boolean {
  const scheme = schemeOf(compact);
  if (kind === 'link') return LINK_SCHEMES.has(scheme);
  if (scheme === 'data') return RASTER_DATA_URL.test(compact);
  return IMAGE_SCHEMES.has(scheme);
}

/**
 * Whether `url` may appear in an href (`'link'`: http, https, mailto, relative, `#fragment`) or an
 * image source (`'image'`: http, https, relative, raster base64 `data:image/...`). Relative values
 * are allowed because the extractor resolves them against the page first; a leftover relative
 * URL can only point at the page's own origin. Everything else (javascript:, vbscript:, data:
 * other than raster images, blob:, filesystem:, file:, unknown schemes) is refused, including
 * obfuscated spellings: entities, mixed case, embedded tabs/newlines/NULs, leading spaces.
 */
export function isAllowedUrl(url: string, kind: 'link' | 'image'): boolean {
  if (typeof url !== 'string') return false;
  const raw = url.replace(IGNORABLE, '');
  const decoded = decodeRefs(url).replace(IGNORABLE, '');
  return allowedForm(raw, kind) && allowedForm(decoded, kind);
}

/** One `srcset` candidate: its URL and its (validated) width/density descriptor, if any. */
interface SrcsetCandidate {
  url: string;
  descriptor: string | null;
}

/** Splits a srcset per the HTML algorithm (URLs may contain commas, e.g. data: URLs). */
function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (isSpace(value[i]) || value[i] === ',')) i++;
    if (i >= value.length) break;
    let start = i;
    while (i < value.length && !isSpace(value[i])) i++;
    let url = value.slice(start, i);
    let descriptors = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      start = i;
      while (i < value.length && (value[i] !== ',' || depth > 0)) {
        if (value[i] === '(') depth++;
        else if (value[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptors = value.slice(start, i).trim();
    }
    const descriptor = /^\d+(?:\.\d+)?[wx]$/i.test(descriptors) ? descriptors.toLowerCase() : null;
    if (url) out.push({ url, descriptor });
  }
  return out;
}

/**
 * Keeps only srcset candidates whose URL is an allowed http(s)/relative image URL, rebuilt in a
 * canonical form (so a second pass changes nothing). data: candidates are dropped: in srcset they
 * are lazy-loading placeholders, and DOMPurify would reject a srcset that starts with one anyway.
 * Returns '' when nothing survives.
 */
export function filterSrcset(value: string): string {
  return parseSrcset(value)
    .filter((c) => isAllowedUrl(c.url, 'image') && schemeOf(c.url.replace(IGNORABLE, '')) !== 'data')
    .map((c) => (c.descriptor ? `${c.url} ${c.descriptor}` : c.url))
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// Hooks (registered on our own instances only)
// ---------------------------------------------------------------------------------------------

/** Which element may carry which URL attribute, and which policy its value follows. */
const URL_ATTRS: Record<string, { tag: string; kind: 'link' | 'image' }> = {
  href: { tag: 'a', kind: 'link' },
  src: { tag: 'img', kind: 'image' },
  srcset: { tag: 'img', kind: 'image' },
};

/**
 * Two text shapes change when serialized and parsed again, so sanitizing twice would not be a
 * no-op: a carriage return from a character reference (`&#13;`; the serializer writes it raw and
 * the parser's input preprocessing turns it into a line feed), and a newline at the very start of
 * a <pre> (the parser drops one newline right after `<pre>`, the serializer does not write one
 * back). Both are whitespace to the reader, so they are normalized away here.
 */
const CR = /\r\n?/g;

function normalizeText(node: Node): void {
  if (node.nodeType !== 3) return;
  const text = node as Text;
  let data = text.data.includes('\r') ? text.data.replace(CR, '\n') : text.data;
  const parent = text.parentNode as Element | null;
  if (data.startsWith('\n') && parent?.firstChild === text && parent.localName === 'pre') {
    data = data.replace(/^\n+/, '');
  }
  if (data !== text.data) text.data = data;
}

function onSanitizeAttribute(node: Element, ev: UponSanitizeAttributeHookEvent): void {
  if (ev.attrValue.includes('\r')) ev.attrValue = ev.attrValue.replace(CR, '\n');
  const name = ev.attrName;
  // DOMPurify never allows handlers either; saying it twice costs nothing.
  if (name.startsWith('on')) {
    ev.keepAttr = false;
    return;
  }
  // Sizes in pixels only: width="100%" height="100%" on a 120-pixel author photo drew it as wide as
  // the column, and as tall.
  if ((name === 'width' || name === 'height') && !/^\s*\d{1,5}(?:\.\d+)?(?:px)?\s*$/i.test(ev.attrValue)) {
    ev.keepAttr = false;
    return;
  }
  const rule = Object.hasOwn(URL_ATTRS, name) ? URL_ATTRS[name] : undefined;
  if (!rule) return;
  // A URL attribute on any other element is meaningless for a reader and only widens the surface.
  if (node.namespaceURI !== XHTML_NS || node.localName !== rule.tag) {
    ev.keepAttr = false;
    return;
  }
  if (name === 'srcset') {
    const kept = filterSrcset(ev.attrValue);
    if (kept) ev.attrValue = kept;
    else ev.keepAttr = false;
    return;
  }
  if (!isAllowedUrl(ev.attrValue, rule.kind)) ev.keepAttr = false;
}

/** Every surviving link opens in a new tab without giving the target a handle on the reader. */
function afterSanitizeAttributes(node: Element): void {
  if (node.nodeType !== 1 || node.namespaceURI !== XHTML_NS || node.localName !== 'a') return;
  if (node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
}

// ---------------------------------------------------------------------------------------------
// Instances and the public entry point
// ---------------------------------------------------------------------------------------------

/** null records a window DOMPurify cannot run in (so we never retry, and never fall back to raw). */
const instances = new WeakMap<object, Purifier | null>();

function purifierFor(win: Window): Purifier | null {
  let purifier = instances.get(win);
  if (purifier === undefined) {
    purifier = DOMPurify(win as unknown as WindowLike);
    // An unsupported DOMPurify returns its input unchanged: never let that happen.
    if (!purifier.isSupported) purifier = null;
    else {
      purifier.addHook('uponSanitizeAttribute', onSanitizeAttribute);
      purifier.addHook('afterSanitizeAttributes', afterSanitizeAttributes);
      purifier.addHook('afterSanitizeElements', normalizeText);
    }
    instances.set(win, purifier);
  }
  return purifier;
}

function isElement(value: unknown): value is Element {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Node).nodeType === 1 &&
    typeof (value as Element).outerHTML === 'string'
  );
}

/**
 * What DOMPurify gets in the first pass. An Element is handed over as a node (DOMPurify imports it
 * into its inert document), so a foreign-content subtree is removed as the tree really is; its
 * serialization could reparse into a different shape and swallow the story after it. DOMPurify
 * returns only the children of a <body>; for <html> we hand over its <body>.
 */
function firstInput(body: Element | string): Node | string {
  if (typeof body === 'string') return body;
  if (!isElement(body)) return '';
  if (body.localName === 'html') return body.querySelector('body') ?? '';
  return body;
}

/** Text escaping of the HTML serialization algorithm (outside attributes and raw-text elements). */
function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * HTML serialization of a fragment, as a holder element's innerHTML would give it, without
 * cloning the fragment (the pass loop below serializes every pass).
 */
export function serializeFragment(fragment: DocumentFragment): string {
  let html = '';
  for (let node = fragment.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) html += (node as Element).outerHTML;
    else if (node.nodeType === 3) html += escapeText((node as Text).data);
    else if (node.nodeType === 8) html += `<!--${(node as Comment).data}-->`;
    else if (node.nodeType === 7)
      html += `<?${(node as ProcessingInstruction).target} ${(node as ProcessingInstruction).data}>`;
  }
  return html;
}

/**
 * The output must be exactly what the HTML parser makes of its own serialization; otherwise it
 * could mutate when the reader (or anyone) serializes and reparses it, which is what mutation XSS
 * exploits, and sanitizing twice would not be a no-op. Script-built input trees (Readability's)
 * and trees left behind by unwrapping (a <div> inside a <p> once a <button> between them is gone)
 * are not parser-shaped. So after the first pass we re-sanitize the serialization until it is
 * stable. A string input from which nothing but attributes was removed is already parser-shaped.
 * Every pass is a complete sanitization, so stopping at the cap is still safe.
 */
const MAX_PASSES = 4;

function removedElements(purifier: Purifier): boolean {
  return purifier.removed.some((r) => 'element' in r && r.element?.nodeType === 1);
}

/**
 * One DOMPurify pass. DOMPurify returns null instead of a fragment when the markup parses into a
 * document without a <body> (a leading <frameset>); we treat that as "nothing to show".
 */
function runPass(purifier: Purifier, input: Node | string): DocumentFragment | null {
  const result: unknown = purifier.sanitize(input, SANITIZE_CONFIG);
  return result && (result as Node).nodeType === 11 ? (result as DocumentFragment) : null;
}

function emptyFragment(purifier: Purifier | null, win: Window | undefined, body: unknown): DocumentFragment {
  if (purifier) {
    try {
      const fragment = runPass(purifier, '');
      if (fragment) return fragment;
    } catch {
      // fall through to a plain fragment
    }
  }
  const doc = win?.document ?? (isElement(body) ? body.ownerDocument : undefined);
  if (!doc) throw new TypeError('sanitizeArticle needs a DOM window (pass one in Node)');
  return doc.createDocumentFragment();
}

/**
 * Sanitizes an article body (an Element from any document, or an HTML string) into a
 * DocumentFragment of the inert document DOMPurify parses into. Import or adopt it into the
 * reader's document before use. Never throws for any input (only when no DOM exists at all);
 * anything unexpected yields an empty fragment.
 */
export function sanitizeArticle(body: Element | string, win?: Window): DocumentFragment {
  const view =
    win ??
    (globalThis as { window?: Window }).window ??
    (isElement(body) ? (body.ownerDocument.defaultView ?? undefined) : undefined);
  let purifier: Purifier | null = null;
  try {
    purifier = view ? purifierFor(view) : null;
    const input = firstInput(body);
    if (!purifier || !input) return emptyFragment(purifier, view, body);
    let fragment = runPass(purifier, input);
    if (!fragment) return emptyFragment(purifier, view, body);
    if (typeof input === 'string' && !removedElements(purifier)) return fragment;
    let previous = serializeFragment(fragment);
    for (let pass = 1; pass < MAX_PASSES; pass++) {
      fragment = runPass(purifier, previous);
      if (!fragment) return emptyFragment(purifier, view, body);
      const next = serializeFragment(fragment);
      if (next === previous) break;
      previous = next;
    }
    return fragment;
  } catch {
    return emptyFragment(null, view, body);
  }
}
