/**
 * A page's DOM as plain JSON, rebuilt node for node in another document: how the reader hands the
 * page to the pipeline document (lib/bg/pipeline-doc.ts).
 *
 * Not `outerHTML`: serializing and reparsing HTML does not give the same tree back. A page's
 * `<noscript>` holds text where scripts run and elements in a parser without them, and markup built
 * for mutation XSS (namespace confusion, raw-text elements, comments) reparses into another
 * structure: a hostile page could hide its own story from the reader that way. Not XML either: 13
 * of 100 development pages do not serialize into well-formed XML (attribute names such as `@click`).
 *
 * The tree goes flat, in document order, so no depth (a page can nest elements thousands deep) meets
 * a recursion or a message's nesting limit: a string is a text node, `[data]` a comment, and
 * `[name, ns, attributes, n]` an element whose children are the next n subtrees (ns 0 for HTML,
 * 1 SVG, 2 MathML, else the namespace URI; attributes flat as name, value, and a namespaced one as
 * [name, value, uri]). A <template>'s children are its content's.
 */
export type WireNode = string | [string] | WireElement;
export type WireElement = [string, number | string, (string | [string, string, string])[], number];

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const NAMESPACES = [HTML_NS, 'http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML'];

const contentOf = (el: Node): Node =>
  (el as Element).localName === 'template' && 'content' in el ? (el as HTMLTemplateElement).content : el;

type Getter = (this: unknown) => unknown;
/** A property as `proto` defines it: a page's form controls and named images shadow the DOM's own. */
const getter = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)?.get as Getter;

/** `doc.contentType` and `doc.baseURI` as the DOM defines them, whatever the page named its images. */
export function documentFacts(doc: Document): { contentType: string; baseURI: string } {
  return {
    contentType: String(getter(globalThis.Document.prototype, 'contentType').call(doc)),
    baseURI: String(getter(globalThis.Node.prototype, 'baseURI').call(doc)),
  };
}

/**
 * Every node of the page's document, from its root element: elements, text and comments, nothing
 * else a story is made of. All of them, scripts and styles too: the pipeline reads the page's prose
 * by containers' text, scripts included, so leaving them out here changed which container it chose
 * on 2 of 120 development pages. The page is hostile: `<form><input name="firstChild">` makes
 * `form.firstChild` the input, and `<img name="documentElement">` shadows the document's, so every
 * property is read through the prototypes' own getters (see lib/declobber.ts).
 */
export function toWireNodes(doc: Document): WireNode[] {
  const N = globalThis.Node.prototype;
  const E = globalThis.Element.prototype;
  const [firstChild, nextSibling, nodeType] = ['firstChild', 'nextSibling', 'nodeType'].map((k) =>
    getter(N, k),
  );
  const [attributes, localName, namespaceURI, prefix] = [
    'attributes',
    'localName',
    'namespaceURI',
    'prefix',
  ].map((k) => getter(E, k));
  const data = getter(globalThis.CharacterData.prototype, 'data');
  const content = getter(globalThis.HTMLTemplateElement.prototype, 'content');
  const root = getter(globalThis.Document.prototype, 'documentElement').call(doc) as Element;
  const out: WireNode[] = [];
  // One pass in document order, sibling to sibling (no list of each element's children built first:
  // this walk is on the way from the click to the story): the entries of the open elements, whose
  // child counts grow as their children are met, and the elements themselves, to go on after them.
  const entries: WireElement[] = [];
  const elements: Node[] = [];
  let node: Node | null = root;
  for (;;) {
    if (!node) {
      entries.pop();
      const done = elements.pop();
      if (!done || done === root) break;
      node = nextSibling.call(done) as Node | null;
      continue;
    }
    const type = nodeType.call(node);
    const parent = entries[entries.length - 1];
    if (type === 3 || type === 8) {
      const text = data.call(node) as string;
      out.push(type === 3 ? text : [text]);
      if (parent) parent[3]++;
    } else if (type === 1) {
      const name = localName.call(node) as string;
      const ns = namespaceURI.call(node) as string | null;
      const attrs: WireElement[2] = [];
      // A NamedNodeMap's own `length` and indexes: an attribute named "length" does not shadow them.
      const map = attributes.call(node) as NamedNodeMap;
      for (let i = 0; i < map.length; i++) {
        const a = map[i];
        if (a.namespaceURI) attrs.push([a.name, a.value, a.namespaceURI]);
        else attrs.push(a.name, a.value);
      }
      const code = NAMESPACES.indexOf(ns ?? '');
      // A foreign element keeps its prefix (createElementNS takes the qualified name).
      const qualified = code === 0 || !prefix.call(node) ? name : `${prefix.call(node)}:${name}`;
      const entry: WireElement = [qualified, code < 0 ? (ns ?? '') : code, attrs, 0];
      out.push(entry);
      if (parent) parent[3]++;
      entries.push(entry);
      elements.push(node);
      const from = name === 'template' && ns === HTML_NS ? (content.call(node) as Node) : node;
      node = firstChild.call(from) as Node | null;
      continue;
    }
    node = nextSibling.call(node) as Node | null;
  }
  return out;
}

const isElementEntry = (w: unknown): w is WireElement =>
  Array.isArray(w) &&
  w.length === 4 &&
  typeof w[0] === 'string' &&
  (typeof w[1] === 'number' || typeof w[1] === 'string') &&
  Array.isArray(w[2]) &&
  Number.isInteger(w[3]) &&
  w[3] >= 0;

/**
 * An element of `doc` for an entry; a detached fragment (which swallows its subtree) when this
 * engine's DOM refuses the name. An attribute the parser accepted but `setAttribute` refuses
 * (`@click` in older engines) goes missing: no story depends on one.
 */
function buildElement(doc: Document, [name, ns, attrs]: WireElement): Node {
  let el: Element;
  try {
    const uri = typeof ns === 'number' ? NAMESPACES[ns] : ns;
    el = uri === HTML_NS ? doc.createElement(name) : doc.createElementNS(uri || null, name);
  } catch {
    return doc.createDocumentFragment();
  }
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i];
    try {
      if (Array.isArray(a)) el.setAttributeNS(String(a[2]), String(a[0]), String(a[1]));
      else el.setAttribute(String(a), String(attrs[++i]));
    } catch {
      // a name this engine's DOM refuses
    }
  }
  return el;
}

/**
 * Rebuilds what toWireNodes gave, in `doc`: the root element, or null when `nodes` is not such a list
 * (the message came through other contexts: checked entry by entry, never trusted to be well formed).
 */
export function fromWireNodes(doc: Document, nodes: unknown): Element | null {
  if (!Array.isArray(nodes) || !isElementEntry(nodes[0])) return null;
  const root = buildElement(doc, nodes[0]);
  if (root.nodeType !== 1) return null;
  // Not `parent.appendChild`: once a form holds `<input name="appendChild">`, that is the input.
  const append = globalThis.Node.prototype.appendChild;
  /** Open elements, with how many of their children are still to come. */
  const open: [Node, number][] = nodes[0][3] ? [[contentOf(root), nodes[0][3]]] : [];
  for (let i = 1; i < nodes.length; i++) {
    const w: unknown = nodes[i];
    const top = open[open.length - 1];
    if (!top) return null;
    let node: Node;
    if (typeof w === 'string') node = doc.createTextNode(w);
    else if (isElementEntry(w)) node = buildElement(doc, w);
    else if (Array.isArray(w) && w.length === 1 && typeof w[0] === 'string') node = doc.createComment(w[0]);
    else return null;
    append.call(top[0], node);
    if (--top[1] === 0) open.pop();
    if (isElementEntry(w) && w[3]) open.push([contentOf(node), w[3]]);
  }
  return open.length ? null : (root as Element);
}
