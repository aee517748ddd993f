/**
 * The overlay's host element: `<reader-mode-overlay>` with an open shadow root.
 * It is not a registered custom element (content scripts have no `customElements`);
 * `attachShadow` works on any valid custom-element name as it is.
 *
 * A hostile page can style the host from outside, so the host is shown in the browser's
 * top layer (a manual popover): nothing the page stacks, however high its z-index, covers it,
 * and our inline !important declarations beat the page's stylesheet declarations.
 */
const HTML_NS = 'http://www.w3.org/1999/xhtml';

const HOST_STYLE: Record<string, string> = {
  // First, every property (inherited ones too: color, font, letter-spacing, zoom ...) to its initial
  // value, so that no page rule on the host reaches the shadow tree; then ours.
  all: 'initial',
  display: 'block',
  position: 'fixed',
  inset: '0',
  width: '100vw',
  height: '100vh',
  'max-width': 'none',
  'max-height': 'none',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  overflow: 'hidden',
  'z-index': '2147483647',
  opacity: '1',
  visibility: 'visible',
  transform: 'none',
  filter: 'none',
  'clip-path': 'none',
  'pointer-events': 'auto',
  contain: 'strict',
  zoom: '1',
};

export interface OverlayHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  mount: HTMLElement;
  remove(): void;
}

function applyStyles(shadow: ShadowRoot, css: string): void {
  // Constructed stylesheets are not subject to the page's Content-Security-Policy, unlike <style>.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Older engines (and some Firefox content-script wrappers): fall back to a <style>.
  }
  const style = shadow.ownerDocument.createElementNS(HTML_NS, 'style') as HTMLStyleElement;
  style.textContent = css;
  shadow.append(style);
}

/**
 * While the reader is open, printing the page prints the story alone: a page-level print sheet
 * hides everything but the overlay. Adopted (not a <style>), so the page's CSP cannot block it.
 */
const OURS = 'reader-mode-overlay,[data-reader-mode-overlay]';
const PRINT_CSS = `@media print{html>:not(head,body,${OURS}),body>:not(${OURS}){display:none!important}}`;

function addPrintSheet(doc: Document): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PRINT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = doc.createElementNS(HTML_NS, 'style') as HTMLStyleElement;
    style.textContent = PRINT_CSS;
    (doc.head ?? doc.documentElement).append(style);
    return () => style.remove();
  }
}

/** Scroll lock on the page, restored exactly as it was. */
function lockScroll(doc: Document): () => void {
  const targets = [doc.documentElement, doc.body].filter((el): el is HTMLElement => !!el?.style);
  const saved = targets.map((el) => [
    el.style.getPropertyValue('overflow'),
    el.style.getPropertyPriority('overflow'),
  ]);
  // No `style=""` left behind on an element that had no style attribute.
  const hadStyle = targets.map((el) => el.hasAttribute('style'));
  for (const el of targets) el.style.setProperty('overflow', 'hidden', 'important');
  return () =>
    targets.forEach((el, i) => {
      const [value, priority] = saved[i];
      if (value) el.style.setProperty('overflow', value, priority);
      else el.style.removeProperty('overflow');
      if (!hadStyle[i] && !el.getAttribute('style')) el.removeAttribute('style');
    });
}

/**
 * A page can claim our tag name with `customElements.define`: its class would own the element (a
 * closed shadow root of its own, callbacks when connected). Such an element matches `:defined`,
 * ours never does; then a plain <div> (built-ins are never upgraded) marked as ours takes its place.
 */
function attachHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  const custom = doc.createElementNS(HTML_NS, 'reader-mode-overlay') as HTMLElement;
  if (!custom.matches(':defined')) {
    try {
      return { host: custom, shadow: custom.attachShadow({ mode: 'open' }) };
    } catch {
      // A failed upgrade that still owns a shadow root: fall through.
    }
  }
  const div = doc.createElementNS(HTML_NS, 'div') as HTMLElement;
  div.setAttribute('data-reader-mode-overlay', '');
  return { host: div, shadow: div.attachShadow({ mode: 'open' }) };
}

export function createOverlayHost(doc: Document, css: string): OverlayHost {
  const { host, shadow } = attachHost(doc);
  for (const [prop, value] of Object.entries(HOST_STYLE)) host.style.setProperty(prop, value, 'important');
  host.setAttribute('popover', 'manual');
  applyStyles(shadow, css);
  const mount = doc.createElementNS(HTML_NS, 'div') as HTMLElement;
  shadow.append(mount);
  // A frameset's children are not rendered: fall back to the root element.
  (doc.body?.localName === 'body' ? doc.body : doc.documentElement).append(host);
  try {
    host.showPopover();
  } catch {
    // No popover support: the fixed, max-z-index host still covers the page.
  }
  // `zoom` on the page's <html> or <body> multiplies into the host's, top layer or not: undo it.
  const inherited = (host as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom;
  if (inherited && Math.abs(inherited - 1) > 0.001)
    host.style.setProperty('zoom', String(1 / inherited), 'important');
  const unlock = lockScroll(doc);
  const unprint = addPrintSheet(doc);
  return {
    host,
    shadow,
    mount,
    remove() {
      unprint();
      unlock();
      host.remove();
    },
  };
}
