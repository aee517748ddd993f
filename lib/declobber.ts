/**
 * DOM clobbering guard for our working copy of the page.
 *
 * A form exposes its controls as properties by name and id, and those win over the form's own DOM
 * properties ([LegacyOverrideBuiltIns]; see https://html.spec.whatwg.org/#the-form-element and
 * https://portswigger.net/research/dom-clobbering-strikes-back). The document does the same for
 * named <img>, <embed>, <object>, <iframe> and <form> elements. In Chromium this holds in every
 * script world, the extension's included: with `<form><input name="parentNode"></form>` on the page,
 * `form.parentNode` is the input, and a tree walk that climbs through the form (Readability's
 * _getNextNode) gets the input back and never ends. The tab hangs.
 *
 * So on the clone, before anything walks it, names and ids that shadow a built-in property are
 * dropped. Only those: a control named "email" shadows nothing and keeps its name. The DOM methods
 * used here come from the prototypes, because the names being removed may shadow them too.
 */

/** The elements whose name (or id) becomes a property of their form or of the document. */
const NAMED =
  'form [name], form [id], [form][name], [form][id], form[name], form[id], img[name], img[id], embed[name], object[name], object[id], iframe[name]';

/** The method `name` as the prototype chain of `obj` defines it, whatever own properties shadow it. */
function builtin<T extends (...args: never[]) => unknown>(obj: object, name: string): T {
  for (let p = Object.getPrototypeOf(obj); p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d && typeof d.value === 'function') return d.value as T;
  }
  throw new TypeError(`no built-in ${name}`);
}

/**
 * Removes every name or id attribute that would shadow a built-in property of a form or of the
 * document. Returns how many were removed. Meant for a clone: it changes the document it is given.
 */
export function declobber(doc: Document): number {
  const docProto = Object.getPrototypeOf(doc) as object;
  const query = builtin<(sel: string) => NodeListOf<Element>>(doc, 'querySelectorAll');
  const els = query.call(doc, NAMED);
  if (!els.length) return 0;
  const el0 = els[0];
  const getAttr = builtin<(n: string) => string | null>(el0, 'getAttribute');
  const removeAttr = builtin<(n: string) => void>(el0, 'removeAttribute');
  const createForm = builtin<(tag: string) => Element>(doc, 'createElement');
  const formProto = Object.getPrototypeOf(createForm.call(doc, 'form')) as object;
  const shadows = (v: string | null) => v !== null && v !== '' && (v in formProto || v in docProto);
  let removed = 0;
  for (let i = 0; i < els.length; i++) {
    for (const attr of ['name', 'id']) {
      if (shadows(getAttr.call(els[i], attr))) {
        removeAttr.call(els[i], attr);
        removed++;
      }
    }
  }
  return removed;
}
