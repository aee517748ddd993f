/**
 * `compareDocumentPosition` as the DOM standard defines it
 * (https://dom.spec.whatwg.org/#dom-node-comparedocumentposition), for the command line's linkedom
 * documents. linkedom compares only how deep the two nodes sit: a node nested deeper counts as
 * preceding, so a story heading's first paragraph inside a <section> "preceded" the heading, and the
 * command line kept the headline that the browser's reader drops (Mozilla's citylab-1 page). Eight
 * places in the pipeline ask which of two nodes comes first.
 */

const DISCONNECTED = 1;
const PRECEDING = 2;
const FOLLOWING = 4;
const CONTAINS = 8;
const CONTAINED_BY = 16;
const IMPLEMENTATION_SPECIFIC = 32;

/** The node's ancestors, from the root down to the node itself. */
function lineage(node: Node): Node[] {
  const out: Node[] = [];
  for (let n: Node | null = node; n; n = n.parentNode) out.push(n);
  return out.reverse();
}

export function compareDocumentPosition(this: Node, other: Node): number {
  if (this === other) return 0;
  const a = lineage(this);
  const b = lineage(other);
  if (a[0] !== b[0]) return DISCONNECTED | IMPLEMENTATION_SPECIFIC | FOLLOWING;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length) return CONTAINED_BY | FOLLOWING;
  if (i === b.length) return CONTAINS | PRECEDING;
  const siblings = Array.prototype.slice.call(a[i - 1]!.childNodes) as Node[];
  return siblings.indexOf(a[i]!) < siblings.indexOf(b[i]!) ? FOLLOWING : PRECEDING;
}

/** Puts the standard method on the prototype that defines linkedom's own (shared by all its nodes). */
export function useSpecDocumentPosition(doc: Document): void {
  let proto: object | null = doc;
  while (proto && !Object.hasOwn(proto, 'compareDocumentPosition')) proto = Object.getPrototypeOf(proto);
  if (proto && (proto as Node).compareDocumentPosition !== compareDocumentPosition)
    Object.defineProperty(proto, 'compareDocumentPosition', {
      value: compareDocumentPosition,
      configurable: true,
      writable: true,
    });
}
