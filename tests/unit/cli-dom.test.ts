import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compareDocumentPosition } from '../../cli/document-position';
import { closeHeadingsAsBrowsersDo } from '../../cli/headings';
import { parsePage, withBrowserDomFallback } from '../../cli/load';
import { SpecTreeWalker } from '../../cli/tree-walker';
import { detectArticle } from '../../lib/detect';
import { headlineDate } from '../../lib/headline-date';
import { runPipeline } from '../../lib/pipeline';

const DETECT = join(import.meta.dirname, '../fixtures/detect');
const VOA = join(import.meta.dirname, '../fixtures/voa-aleppo.html');

const HTML = `<!DOCTYPE html><html><head><title>T</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a><!-- menu --></nav>
<main><article><h1>Bridge <em>reopens</em> after repairs</h1><p>By <b>Ana</b> · March 3, 2025</p>
<figure><img src="a.jpg"><figcaption>The bridge.</figcaption></figure><div><p>One.</p><p></p><p>Two <i>and</i> three.</p></div>
</article><aside><ul><li>Related</li><li><a href="/x">X</a></li></ul></aside></main><footer>© 2025</footer></body></html>`;

/** A node's address: its child-index path from the document, comparable across two parsers. */
function path(node: Node | null): string {
  const steps: number[] = [];
  for (let n = node; n?.parentNode; n = n.parentNode)
    steps.unshift([...n.parentNode.childNodes].indexOf(n as ChildNode));
  return node ? `${node.nodeName}@${steps.join('.')}` : 'null';
}

function nodesOf(root: Node): Node[] {
  const out: Node[] = [root];
  for (const c of root.childNodes) out.push(...nodesOf(c));
  return out;
}

const shows: [string, number][] = [
  ['every node', 0xffffffff],
  ['elements', 1],
  ['text', 4],
  ['elements and comments', 1 | 128],
];

describe('the command line\u2019s TreeWalker follows the DOM standard (as jsdom and browsers do)', () => {
  const ref = new JSDOM(HTML).window.document;
  const { document } = parseHTML(HTML);
  const ours = document as unknown as Document;
  // The same page parsed twice: the two trees must be the same shape for addresses to compare.
  const refNodes = nodesOf(ref.body);
  const ourNodes = nodesOf(ours.body);

  it('parses the test page into the same tree in both DOMs', () => {
    expect(ourNodes.map(path)).toEqual(refNodes.map(path));
  });

  it.each(shows)('walks forward and back from every node, showing %s', (_, what) => {
    // Rejecting an <aside> skips its subtree; skipping a <div> still walks its children.
    const filter = (n: Node) => (n.nodeName === 'ASIDE' ? 2 : n.nodeName === 'DIV' ? 3 : 1);
    for (const withFilter of [false, true]) {
      for (let i = 0; i < refNodes.length; i++) {
        const a = ref.createTreeWalker(ref.body, what, withFilter ? filter : null);
        const b = new SpecTreeWalker(ours.body, what, withFilter ? filter : null);
        a.currentNode = refNodes[i];
        b.currentNode = ourNodes[i];
        const seqA: string[] = [];
        const seqB: string[] = [];
        // Three steps forward, five back, two forward: crosses subtrees, the root and both ends.
        for (const step of ['n', 'n', 'n', 'p', 'p', 'p', 'p', 'p', 'n', 'n']) {
          seqA.push(path(step === 'n' ? a.nextNode() : a.previousNode()), path(a.currentNode));
          seqB.push(path(step === 'n' ? b.nextNode() : b.previousNode()), path(b.currentNode));
        }
        expect(seqB, `from ${path(refNodes[i])}, filter ${withFilter}`).toEqual(seqA);
      }
    }
  });

  it('lists a whole page in the same order as jsdom', () => {
    const a = ref.createTreeWalker(ref.documentElement, 0xffffffff);
    const b = new SpecTreeWalker(ours.documentElement, 0xffffffff);
    const all = (w: { nextNode(): Node | null }) => {
      const out: string[] = [];
      for (let n = w.nextNode(); n; n = w.nextNode()) out.push(path(n));
      return out;
    };
    expect(all(b)).toEqual(all(a));
  });
});

describe('the command line\u2019s compareDocumentPosition follows the DOM standard', () => {
  it('orders every pair of nodes of a page as jsdom does, ancestors and detached nodes included', () => {
    const ref = new JSDOM(HTML).window.document;
    const ours = parsePage({ bytes: Buffer.from(HTML) }).document;
    const refNodes = nodesOf(ref.body);
    const ourNodes = nodesOf(ours.body);
    expect(ourNodes.map(path)).toEqual(refNodes.map(path));
    const refLone = ref.createElement('p');
    const ourLone = ours.createElement('p');
    let checked = 0;
    for (let i = 0; i < refNodes.length; i++) {
      for (let j = 0; j < refNodes.length; j++) {
        const want = refNodes[i].compareDocumentPosition(refNodes[j]);
        expect(
          ourNodes[i].compareDocumentPosition(ourNodes[j]),
          `${path(refNodes[i])} vs ${path(refNodes[j])}`,
        ).toBe(want);
        checked++;
      }
      // Disconnected: the same bits but the implementation-specific order.
      expect(ourNodes[i].compareDocumentPosition(ourLone) & 0x39).toBe(
        refNodes[i].compareDocumentPosition(refLone) & 0x39,
      );
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('is what linkedom gets wrong without it', () => {
    const { document } = parseHTML('<html><body><h2>A</h2><section><p>x</p></section></body></html>');
    const h = document.querySelector('h2')!;
    const p = document.querySelector('p')!;
    expect(compareDocumentPosition.call(h as unknown as Node, p as unknown as Node)).toBe(4);
  });
});

describe('the command line parses a page without an <html> tag as a browser does', () => {
  it('finds the body of a page that starts with <head>, or with no head or body at all', () => {
    const story = HTML.replace(/<!DOCTYPE html><html>|<\/html>/g, '');
    const bare = '<title>T</title><article><h1>Bridge reopens after repairs</h1><p>One.</p></article>';
    for (const page of [story, `<!-- saved page -->\n${story}`, bare]) {
      const parsed = parsePage({ bytes: Buffer.from(page), url: 'https://news.example/a' });
      const ref = new JSDOM(page).window.document;
      expect(parsed.document.title).toBe(ref.title);
      expect(parsed.document.body.textContent).toBe(ref.body.textContent);
      expect(parsed.document.body.getElementsByTagName('p').length).toBeGreaterThan(0);
      parsed.close();
    }
  });
});

describe('the command line marks quotes that span elements, as a browser does', () => {
  it('splits text nodes where linkedom has no splitText', () => {
    const para = (i: number) =>
      `<p>The council voted on Tuesday to keep the library open on Sundays, paragraph ${i}, after a petition signed by two thousand residents reached the mayor.</p>`;
    const page = `<!DOCTYPE html><html lang="en"><head><title>Library stays open</title></head><body><article><h1>Library stays open</h1>${para(1)}<p>Officials said “the <a href="/report">report</a> is clear about Sundays,” Mayor Ana Ruiz said. She added: <em>“We will</em> keep it open.”</p>${para(2)}${para(3)}</article></body></html>`;
    const url = 'https://news.example/2025/03/03/library-stays-open';
    const parsed = parsePage({ bytes: Buffer.from(page), url });
    const ours = runPipeline(parsed.document, { url, window: parsed.window });
    const ref = new JSDOM(page, { url }).window.document;
    const theirs = runPipeline(ref, { url, window: ref.defaultView as unknown as Window });
    if (!ours.ok || !theirs.ok) throw new Error('no article');
    expect(ours.article.quotes).toEqual(theirs.article.quotes);
    expect(ours.article.quotes.map((q) => q.text)).toEqual([
      'the report is clear about Sundays,',
      'We will keep it open.',
    ]);
    parsed.close();
  });
});

describe('the command line gives a page one body, as a browser does', () => {
  it('keeps the page\u2019s own <body> when scripts stand between </head> and <body>, and takes in what follows </body>', () => {
    const page = HTML.replace(
      '<body>',
      '\n<!-- tag -->\n<script>var a = 1;</script>\n<body class="post" data-x="1">',
    ).replace('</body>', '</body><p>After the body.</p>');
    const parsed = parsePage({ bytes: Buffer.from(page), url: 'https://news.example/a' });
    const ref = new JSDOM(page).window.document;
    const { document } = parsed;
    expect(document.documentElement.getElementsByTagName('body').length).toBe(1);
    expect(document.body.className).toBe('post');
    expect(document.body.getAttribute('data-x')).toBe('1');
    expect(
      document.body.textContent
        ?.replace(/var a = 1;/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe(ref.body.textContent?.replace(/\s+/g, ' ').trim());
    expect(document.body.lastElementChild?.textContent).toBe('After the body.');
    parsed.close();
  });

  it('ignores <html>, <head> and <body> tags pasted inside the story, keeping what they hold', () => {
    const page = HTML.replace(
      '<div><p>One.</p>',
      '<div><html><head><title>Pasted</title></head><body><p>One.</p></body></html>',
    );
    const parsed = parsePage({ bytes: Buffer.from(page), url: 'https://news.example/a' });
    const ref = new JSDOM(page).window.document;
    const tags = (d: Document) =>
      Array.from(d.body.querySelectorAll('*'), (e) => e.tagName.toLowerCase()).join(' ');
    expect(tags(parsed.document)).toBe(tags(ref));
    expect(parsed.document.body.querySelector('html, head, body')).toBeNull();
    parsed.close();
  });
});

/**
 * The sample page with its headline replaced by `headline`, parsed by the command line and by jsdom:
 * the same tree of elements in both, and the command line's <h1> text.
 */
function headlineAsBrowsers(headline: string): string | null | undefined {
  const page = HTML.replace('<h1>Bridge <em>reopens</em> after repairs</h1>', headline);
  const parsed = parsePage({ bytes: Buffer.from(page), url: 'https://news.example/a' });
  const ref = new JSDOM(page).window.document;
  const tags = (d: Document) =>
    Array.from(d.body.querySelectorAll('*'), (e) => `${e.parentElement?.tagName}>${e.tagName}`).join(' ');
  expect(tags(parsed.document)).toBe(tags(ref));
  const h1 = parsed.document.querySelector('h1')?.textContent;
  parsed.close();
  return h1;
}

describe('the command line closes a heading where a browser does', () => {
  it('takes a heading started inside a heading out of it, with what follows it there', () => {
    expect(
      headlineAsBrowsers(
        '<h1>Bridge <em>reopens</em> after repairs<div class="divider"></div><h3>Posted on <time>March 3, 2025</time></h3><span>by Ana</span></h1>',
      ),
    ).toBe('Bridge reopens after repairs');
  });
});

describe('the command line closes a heading at any heading end tag, as a browser does', () => {
  it('ends an <h1> at </h2>, and leaves what follows outside it', () => {
    expect(
      headlineAsBrowsers(
        '<h1 class="title">Bridge <em>reopens</em> after repairs</h2><p class="date">March 3, 2025</p><h2>Next</h3>',
      ),
    ).toBe('Bridge reopens after repairs');
  });

  it('leaves matched headings, <header> and <hr> alone', () => {
    const src = '<header><h1 id="a">A</h1><hr><h2>B</h2><h3>C<br>D</h3></header>';
    expect(closeHeadingsAsBrowsersDo(src)).toBe(src);
  });
});

describe('the command line detects and dates a page as the browser does', () => {
  const pages = [
    ...readdirSync(DETECT)
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(DETECT, f)),
    VOA,
  ];

  it.each(pages.map((p) => [p.slice(p.lastIndexOf('/') + 1), p]))('%s', (_, file) => {
    const url = 'https://news.example/2025/03/03/bridge-reopens-after-repairs';
    const page = parsePage({ bytes: readFileSync(file), url });
    const browserLike = new JSDOM(readFileSync(file), { url }).window.document;
    const cli = detectArticle(page.document, url);
    const ref = detectArticle(browserLike, url);
    expect(cli.reason).not.toMatch(/error/);
    expect(cli).toEqual(ref);
    expect(headlineDate(page.document)).toBe(headlineDate(browserLike));
    page.close();
  });
});

describe('the command line reads attribute names as a browser does', () => {
  it('lowercases them on HTML elements, first spelling winning, and leaves SVG alone', () => {
    const html =
      '<time dateTime="2025-03-03T10:00:00Z">3 March</time><img SRCSET="b.jpg 2x" srcSet="a.jpg 1x" itemProp="image">' +
      '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>';
    const page = parsePage({ bytes: Buffer.from(`<!DOCTYPE html><html><body>${html}</body></html>`) });
    const ref = new JSDOM(`<!DOCTYPE html><html><body>${html}</body></html>`).window.document;
    for (const sel of ['time', 'img', 'svg']) {
      const a = page.document.querySelector(sel);
      const b = ref.querySelector(sel);
      const attrs = (el: Element | null) =>
        Object.fromEntries((el?.getAttributeNames() ?? []).map((n) => [n, el?.getAttribute(n)]));
      expect(attrs(a), sel).toEqual(attrs(b));
    }
    expect(page.document.querySelector('time[datetime]')).not.toBeNull();
    page.close();
  });
});

describe('the command line puts what a page left in its <head> where a browser does', () => {
  it('moves body content out of the head, in order, so Readability finds the story instead of crashing', () => {
    const story = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i} of a story long enough to be found, with commas, clauses, and the words a reader expects to read here.</p>`,
    ).join('');
    // The page opened its story's wrapper before </head>: the whole story sat in linkedom's head.
    const html = `<!DOCTYPE html><html><head><title>T</title><meta charset="utf-8"><div class="notice">${story}</div><meta name="x" content="y"><link rel="stylesheet" href="/a.css"></head><body class="page"><p>Footer.</p></body></html>`;
    const page = parsePage({
      bytes: Buffer.from(html),
      url: 'https://news.example/a',
      contentType: 'text/html; charset=utf-8',
    });
    const ref = new JSDOM(html).window.document;
    const shape = (d: Document) => ({
      head: Array.from(d.head.children, (e) => e.tagName),
      body: Array.from(d.body.children, (e) => e.tagName),
      bodyClass: d.body.className,
    });
    expect(shape(page.document)).toEqual(shape(ref));
    expect(() => detectArticle(page.document, 'https://news.example/a')).not.toThrow();
    const out = runPipeline(page.document, { url: 'https://news.example/a', window: page.window });
    expect(out.ok && out.article.text).toContain('Paragraph 5 of a story');
    page.close();
  });
});

describe('a page that fails in linkedom gets a second try in jsdom', () => {
  const loaded = {
    bytes: Buffer.from(
      '<!DOCTYPE html><html><head><title>Café</title></head><body><p>Story.</p></body></html>',
    ),
    url: 'https://news.example/a',
    contentType: 'text/html; charset=utf-8',
  };

  it('retries in jsdom only when linkedom throws, and returns what jsdom gave', () => {
    const seen: string[] = [];
    const title = withBrowserDomFallback(loaded, (page) => {
      seen.push(page.dom);
      if (page.dom === 'linkedom') throw new Error('a DOM difference');
      return page.document.title;
    });
    expect(seen).toEqual(['linkedom', 'jsdom']);
    expect(title).toBe('Café');
    const once: string[] = [];
    withBrowserDomFallback(loaded, (page) => once.push(page.dom));
    expect(once).toEqual(['linkedom']);
  });

  it('reports the failure when jsdom fails too, and never retries a page jsdom parsed first', () => {
    const seen: string[] = [];
    expect(() =>
      withBrowserDomFallback(loaded, (page) => {
        seen.push(page.dom);
        throw new Error(`broken in ${page.dom}`);
      }),
    ).toThrow('broken in jsdom');
    expect(seen).toEqual(['linkedom', 'jsdom']);
    const xml = {
      ...loaded,
      bytes: Buffer.from('<feed><title>x</title></feed>'),
      contentType: 'application/atom+xml',
    };
    const xmlSeen: string[] = [];
    expect(() =>
      withBrowserDomFallback(xml, (page) => {
        xmlSeen.push(page.dom);
        throw new Error('no story');
      }),
    ).toThrow('no story');
    expect(xmlSeen).toEqual(['jsdom']);
  });
});
