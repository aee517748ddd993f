import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFacts, fromWireNodes, toWireNodes } from '@/lib/dom-wire';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** The reader's side and the pipeline document's side, in two documents. */
function roundTrip(doc: Document): Document {
  const nodes = JSON.parse(JSON.stringify(toWireNodes(doc)));
  const out = document.implementation.createHTMLDocument('');
  const root = fromWireNodes(out, nodes);
  if (!root) throw new Error('not rebuilt');
  out.replaceChild(root, out.documentElement);
  return out;
}

/** Node for node: type, name, namespace, attributes (with theirs), text; template contents too. */
function sameTree(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
  if (a.nodeType === 3 || a.nodeType === 8) return (a as CharacterData).data === (b as CharacterData).data;
  if (a.nodeType === 1) {
    const [x, y] = [a as Element, b as Element];
    if (x.namespaceURI !== y.namespaceURI || x.attributes.length !== y.attributes.length) return false;
    for (const attr of Array.from(x.attributes))
      if (y.getAttributeNS(attr.namespaceURI, attr.localName) !== attr.value) return false;
    if (x instanceof HTMLTemplateElement && !sameTree(x.content, (y as HTMLTemplateElement).content))
      return false;
  }
  if (a.childNodes.length !== b.childNodes.length) return false;
  return Array.from(a.childNodes).every((c, i) => sameTree(c, b.childNodes[i]));
}

describe('a page DOM sent as JSON (lib/dom-wire.ts)', () => {
  it('comes back node for node on a real page, scripts and styles included', () => {
    const doc = parse(readFileSync(join(import.meta.dirname, '../fixtures/voa-aleppo.html'), 'utf8'));
    expect(sameTree(doc.documentElement, roundTrip(doc).documentElement)).toBe(true);
  });

  it.each(
    readdirSync(join(import.meta.dirname, '../fixtures/readability')).filter((name) => !name.includes('.')),
  )("comes back node for node on Mozilla's test page %s", (name) => {
    const html = readFileSync(
      join(import.meta.dirname, '../fixtures/readability', name, 'source.html'),
      'utf8',
    );
    const doc = parse(html);
    expect(sameTree(doc.documentElement, roundTrip(doc).documentElement)).toBe(true);
  });

  it("reads every attribute, whatever they are named (an attribute list's own `length`, `item`)", () => {
    const doc = parse(
      '<p length="1" item="i" namedItem="n" getNamedItem="g" id="x">text</p><!--c--><?pi x?>',
    );
    const back = roundTrip(doc);
    expect(sameTree(doc.documentElement, back.documentElement)).toBe(true);
    expect(back.getElementById('x')?.getAttribute('length')).toBe('1');
  });

  it('keeps SVG and MathML with their namespaces, and JSON-LD', () => {
    const doc = parse(
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>' +
        '<p>text<svg viewBox="0 0 1 1"><title>icon</title><path d="M0 0"/></svg><math><mi>x</mi></math></p>',
    );
    const back = roundTrip(doc);
    expect(sameTree(doc.documentElement, back.documentElement)).toBe(true);
    expect(back.querySelector('path')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(back.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 1 1');
    expect(back.querySelector('mi')?.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
  });

  it('keeps namespaces of script-built foreign elements, xlink attributes, comments and template contents', () => {
    const doc = parse('<p>a<!-- react-text: 4 -->b</p><template><p class="t">inside</p></template>');
    const link = doc.body.appendChild(doc.createElementNS('http://www.w3.org/2000/svg', 'a'));
    link.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', '#x');
    doc.body.appendChild(doc.createElementNS('urn:example', 'ex:thing')).textContent = 'own';
    const back = roundTrip(doc);
    expect(sameTree(doc.documentElement, back.documentElement)).toBe(true);
    const a = back.body.children[2];
    expect(a.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(a.getAttributeNS('http://www.w3.org/1999/xlink', 'href')).toBe('#x');
    expect(back.body.lastElementChild?.namespaceURI).toBe('urn:example');
    expect(back.querySelector('template')?.content.querySelector('.t')?.textContent).toBe('inside');
  });

  it('gives back trees that serializing and reparsing HTML would not (why not outerHTML)', () => {
    const doc = parse('<p id="p">x</p>');
    const p = doc.getElementById('p')!;
    // Script-built shapes: a block inside a paragraph, and <noscript> text as a browser with
    // scripts keeps it (a parser without scripts makes elements of it).
    p.appendChild(doc.createElement('div')).textContent = 'block';
    doc.body.appendChild(doc.createElement('noscript')).textContent = '<p>hidden</p><img src=a.jpg>';
    const reparsed = parse(doc.documentElement.outerHTML);
    expect(sameTree(doc.documentElement, reparsed.documentElement)).toBe(false);
    expect(sameTree(doc.documentElement, roundTrip(doc).documentElement)).toBe(true);
  });

  // jsdom's own tree code recurses, so the 10,000-deep page is tests/e2e/pathological.e2e.ts's, in Chromium.
  it('keeps a story nested deeper than any parser nests', () => {
    const doc = parse('<div id="root"></div>');
    let at = doc.getElementById('root')!;
    for (let i = 0; i < 1_000; i++) at = at.appendChild(doc.createElement('div'));
    at.appendChild(doc.createElement('p')).textContent = 'the story';
    const back = roundTrip(doc);
    expect(back.getElementsByTagName('div').length).toBe(1_001);
    expect(back.querySelector('p')?.parentElement?.parentElement?.localName).toBe('div');
    expect(back.querySelector('p')?.textContent).toBe('the story');
  });

  // jsdom lets no named control or image shadow a DOM property, so what these names do to a walk is
  // tested in Chromium (tests/fixtures/hostile/06-dom-clobbering.html); here, only that such pages
  // come back whole.
  it('keeps forms and images named like the DOM properties it reads', () => {
    const doc = parse(
      '<img name="documentElement"><img name="contentType"><img name="baseURI">' +
        '<form><input name="firstChild"><input name="nextSibling"><input name="attributes">' +
        '<input name="localName"><input name="nodeType"><p>after the controls</p></form><p>end</p>',
    );
    const back = roundTrip(doc);
    expect(sameTree(doc.documentElement, back.documentElement)).toBe(true);
    expect(back.querySelector('form p')?.textContent).toBe('after the controls');
    expect(documentFacts(doc)).toEqual({ contentType: 'text/html', baseURI: document.baseURI });
  });

  it.each([
    ['nothing', undefined],
    ['an object', { 0: ['html', 0, [], 0] }],
    ['a text root', ['text']],
    ['a comment root', [['c']]],
    ['too few children', [['html', 0, [], 2], 'one']],
    ['too many nodes', [['html', 0, [], 1], 'one', 'two']],
    ['a negative count', [['html', 0, [], -1]]],
    ['a fractional count', [['html', 0, [], 0.5]]],
    ['a number node', [['html', 0, [], 1], 5]],
    ['an object node', [['html', 0, [], 1], { toString: () => 'x' }]],
  ])('refuses %s, without throwing', (_, nodes) => {
    expect(fromWireNodes(document.implementation.createHTMLDocument(''), nodes)).toBeNull();
  });

  it('leaves out element and attribute names the DOM refuses, keeping the rest', () => {
    const out = document.implementation.createHTMLDocument('');
    const root = fromWireNodes(out, [
      ['html', 0, ['lang', 'en', '1bad', 'x', ['xlink:href', '#a', 'http://www.w3.org/1999/xlink']], 2],
      ['bad name', 0, [], 1],
      'swallowed with its element',
      ['body', 0, [], 1],
      'kept',
    ]);
    expect(root?.getAttribute('lang')).toBe('en');
    expect(root?.textContent).toBe('kept');
  });

  it('never throws on random input (fuzz)', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = (): unknown => {
      switch (rand(7)) {
        case 0:
          return 'text';
        case 1:
          return ['comment'];
        case 2:
          return ['p', rand(4), ['class', 'x'], rand(3)];
        case 3:
          return ['svg', 1, [['xlink:href', 'x', 'http://www.w3.org/1999/xlink']], rand(2)];
        case 4:
          return null;
        case 5:
          return ['template', 0, [], rand(2)];
        default:
          return [rand(3), 'x'];
      }
    };
    for (let i = 0; i < 2000; i++) {
      const nodes = [['html', 0, [], rand(4)], ...Array.from({ length: rand(8) }, pieces)];
      expect(() => fromWireNodes(document.implementation.createHTMLDocument(''), nodes)).not.toThrow();
    }
  });
});
