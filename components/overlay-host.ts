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

/** Scroll lock on the page, restored exactly as it was. */
function lockScroll(doc: Document): () => void {
  const targets = [doc.documentElement, doc.body].filter((el): el is HTMLElement => !!el?.style);
  const saved = targets.map((el) => [
    el.style.getPropertyValue('overflow'),
    el.style.getPropertyPriority('overflow'),
  ]);
  for (const el of targets) el.style.setProperty('overflow', 'hidden', 'important');
  return () =>
    targets.forEach((el, i) => {
      const [value, priority] = saved[i];
      if (value) el.style.setProperty('overflow', value, priority);
      else el.style.removeProperty('overflow');
    });
}

export function createOverlayHost(doc: Document, css: string): OverlayHost {
  const host = doc.createElementNS(HTML_NS, 'reader-mode-overlay') as HTMLElement;
  for (const [prop, value] of Object.entries(HOST_STYLE)) host.style.setProperty(prop, value, 'important');
  host.setAttribute('popover', 'manual');
  const shadow = host.attachShadow({ mode: 'open' });
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
  const unlock = lockScroll(doc);
  return {
    host,
    shadow,
    mount,
    remove() {
      unlock();
      host.remove();
    },
  };
}
