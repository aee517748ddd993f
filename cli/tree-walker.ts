/**
 * A TreeWalker as the DOM standard defines it (https://dom.spec.whatwg.org/#interface-treewalker),
 * for the command line's linkedom documents. linkedom's own walker lists the matching nodes once, at
 * creation, and hands them out in order: it has no `previousNode`, and setting `currentNode` does not
 * move it. The detector and the header's date read the text around the headline by setting
 * `currentNode` to the <h1> and walking both ways, so on linkedom every story page with a headline
 * failed detection ("walker.previousNode is not a function") and the command line answered
 * `isArticle: false` where the browser said true.
 */

const ACCEPT = 1;
const REJECT = 2;
const SKIP = 3;

type Filter = ((node: Node) => number) | { acceptNode(node: Node): number } | null;

export class SpecTreeWalker {
  currentNode: Node;

  constructor(
    readonly root: Node,
    readonly whatToShow = 0xffffffff,
    readonly filter: Filter = null,
  ) {
    this.currentNode = root;
  }

  private moveTo(node: Node): Node {
    this.currentNode = node;
    return node;
  }

  private accept(node: Node): number {
    if (!(this.whatToShow & (1 << (node.nodeType - 1)))) return SKIP;
    const f = this.filter;
    if (!f) return ACCEPT;
    return typeof f === 'function' ? f(node) : f.acceptNode(node);
  }

  nextNode(): Node | null {
    let node = this.currentNode;
    let result = ACCEPT;
    for (;;) {
      while (result !== REJECT && node.firstChild) {
        node = node.firstChild;
        result = this.accept(node);
        if (result === ACCEPT) return this.moveTo(node);
      }
      let temp: Node | null = node;
      let sibling: Node | null = null;
      while (temp) {
        if (temp === this.root) return null;
        sibling = temp.nextSibling;
        if (sibling) break;
        temp = temp.parentNode;
      }
      if (!sibling) return null; // the current node was outside the root
      node = sibling;
      result = this.accept(node);
      if (result === ACCEPT) return this.moveTo(node);
    }
  }

  previousNode(): Node | null {
    let node = this.currentNode;
    while (node !== this.root) {
      let sibling = node.previousSibling;
      while (sibling) {
        node = sibling;
        let result = this.accept(node);
        while (result !== REJECT && node.lastChild) {
          node = node.lastChild;
          result = this.accept(node);
        }
        if (result === ACCEPT) return this.moveTo(node);
        sibling = node.previousSibling;
      }
      const parent = node.parentNode;
      if (!parent) return null;
      node = parent;
      if (this.accept(node) === ACCEPT) return this.moveTo(node);
    }
    return null;
  }
}

/** Gives `doc` the standard walker in place of its own. */
export function useSpecTreeWalker(doc: Document): void {
  doc.createTreeWalker = ((root: Node, whatToShow?: number, filter?: Filter) =>
    new SpecTreeWalker(
      root,
      whatToShow ?? 0xffffffff,
      filter ?? null,
    )) as unknown as Document['createTreeWalker'];
}
