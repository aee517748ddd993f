/** React's streamed server rendering, resolved in a saved or server-fetched page (see below). */
import { normalize } from './dom-text';

/**
 * Moves content streamed by React's server renderer into place. A streamed page ships placeholders
 * in the layout (`<template id="B:0">` followed by a skeleton, "Loading paragraph…"; or a bare
 * `<template id="P:f">`) and, later in the body, the real content in `<div hidden id="S:0">`. A script
 * (`$RC`, `$RS`) swaps them once the page loads. In the browser that has already happened; in a saved
 * or server-fetched page it has not, and the story sits in hidden divs at the end of the body while
 * the skeleton sits in its place. Mutates `doc`; returns how many placeholders were filled.
 */
export function resolveStreamedContent(doc: Document): number {
  let filled = 0;
  for (const segment of Array.from(doc.querySelectorAll('div[hidden][id^="S:"]'))) {
    const key = segment.id.slice(2);
    const boundary = doc.getElementById(`B:${key}`);
    const slot = boundary ?? doc.getElementById(`P:${key}`);
    const parent = slot?.parentNode;
    if (!slot || !parent || slot.tagName !== 'TEMPLATE') continue;
    const at = boundary ? removeFallback(boundary) : slot.nextSibling;
    slot.remove();
    while (segment.firstChild)
      parent.insertBefore(segment.firstChild, at && at.parentNode === parent ? at : null);
    segment.remove();
    filled++;
  }
  return filled;
}

/**
 * Removes a suspense boundary's fallback after its template: up to the boundary's closing `<!--/$-->`
 * as React does, or, when the page lost its comments, the one skeleton element right after it.
 * Returns the node the content goes before.
 */
function removeFallback(template: Element): ChildNode | null {
  let depth = 0;
  for (let node = template.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType !== 8) continue;
    const data = (node as Comment).data;
    if (data === '$' || data === '$?' || data === '$!') depth++;
    else if (data === '/$' && depth-- === 0) {
      while (template.nextSibling && template.nextSibling !== node) template.nextSibling.remove();
      return node;
    }
  }
  const next = template.nextElementSibling;
  const text = normalize(next?.textContent);
  if (next && next === nextElement(template) && (text === '' || /^loading\b.{0,30}$|^…$/i.test(text))) {
    const after = next.nextSibling;
    next.remove();
    return after;
  }
  return template.nextSibling;
}

/** The element right after `node`, if only whitespace lies between them. */
function nextElement(node: Node): Element | null {
  for (let n = node.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1) return n as Element;
    if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return null;
  }
  return null;
}
