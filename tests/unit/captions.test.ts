import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dedupeCaptions } from '../../lib/captions';
import { basicForm, captionKey, collapseWhitespace, hasCredit, stripCredit } from '../../lib/text-similarity';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The article root of a small fixture: its <article>, else the body's first element. */
function rootOf(html: string): Element {
  const doc = parse(html);
  return doc.querySelector('article') ?? doc.body.firstElementChild!;
}

function textOf(el: Element): string {
  return collapseWhitespace(el.textContent ?? '');
}

/** Texts of paragraph-level blocks (textContent alone would glue "Intro." to the next block). */
function blockTexts(root: Element): string[] {
  return Array.from(root.querySelectorAll('p, figcaption'))
    .filter((el) => el.querySelector('p, figcaption') === null)
    .map(textOf)
    .filter((t) => t !== '');
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The figcaption holding `caption`, after checking that its figure also holds an image. */
function figcaptionWith(root: Element, caption: string): Element | undefined {
  return Array.from(root.querySelectorAll('figcaption')).find(
    (f) => textOf(f) === caption && f.closest('figure')?.querySelector('img') != null,
  );
}

describe('text-similarity: normalized comparison keys', () => {
  it('ignores whitespace, quote and dash styles, case and trailing punctuation', () => {
    const a = captionKey('  Buses are seen in “Aleppo’s” west – Dec. 21,\n 2016. ');
    const b = captionKey('BUSES are seen in "Aleppo\'s" west - Dec. 21, 2016');
    expect(a).toBe(b);
    expect(basicForm('a\u00a0b\u200bc … d')).toBe('a bc ... d');
  });

  it.each([
    'Protesters gather in the main square of the city. (Reuters)',
    'Protesters gather in the main square of the city. Photo: AP',
    'Protesters gather in the main square of the city. REUTERS/Omar Sanadiki',
    'Protesters gather in the main square of the city. (AP Photo/Hussein Malla)',
    'Protesters gather in the main square of the city. Credit: Jane Doe/VOA',
    'Protesters gather in the main square of the city. AFP PHOTO / GEORGE OURFALIAN',
    'Protesters gather in the main square of the city. © Getty Images',
    'Protesters gather in the main square of the city. Photo by John Smith',
    'Protesters gather in the main square of the city. (Reuters) Photo: AP',
  ])('strips the credit of %j for comparison', (credited) => {
    expect(captionKey(credited)).toBe(captionKey('Protesters gather in the main square of the city.'));
    expect(hasCredit(credited)).toBe(true);
  });

  it('keeps text that only looks like a credit', () => {
    expect(captionKey('Assad (left) meets Putin (right)')).not.toBe(captionKey('Assad (left) meets Putin'));
    expect(captionKey('Photo-journalists gather at the border crossing')).toBe(
      'photo-journalists gather at the border crossing',
    );
    expect(captionKey('He took a photo by the lake')).toBe('he took a photo by the lake');
    expect(hasCredit('People wait for buses at a checkpoint, Dec. 21, 2016.')).toBe(false);
    // A caption that is nothing but a credit is still compared by its text.
    expect(stripCredit('Photo: AP')).toBe('Photo: AP');
  });

  it('does not merge captions that differ by a meaningful word', () => {
    expect(captionKey('Buses are seen during an evacuation, Dec. 21, 2016.')).not.toBe(
      captionKey('Buses are seen during an evacuation, Dec. 22, 2016.'),
    );
  });
});

describe('dedupeCaptions: patterns', () => {
  it('removes a caption repeated in a lightbox copy, and a lightbox figure of the same picture', () => {
    const root = rootOf(fixture('captions/lightbox.html'));
    const boats = 'Fishing boats are tied up in the harbor as the storm approaches the coast, Oct. 3, 2022.';
    const road = 'Water covers a road near the river after a night of heavy rain, Oct. 4, 2022.';
    expect(count(textOf(root), boats)).toBe(2);

    const captions = dedupeCaptions(root);

    // The lightbox's larger copy of the road photo carried the credit: its caption is kept.
    expect(captions).toEqual([boats, `${road} (Reuters)`]);
    const text = textOf(root);
    expect(count(text, boats)).toBe(1);
    expect(count(text, road)).toBe(1);
    expect(figcaptionWith(root, boats)).toBeDefined();
    expect(figcaptionWith(root, `${road} (Reuters)`)).toBeDefined();
    expect(root.querySelectorAll('figure')).toHaveLength(2);
    // The emptied lightbox wrappers go too, and the story is untouched.
    expect(root.querySelector('.lightbox')).toBeNull();
    expect(root.querySelectorAll('p')).toHaveLength(4);
  });

  it('removes a caption paragraph after the figure and one before it', () => {
    const root = rootOf(fixture('captions/caption-paragraph.html'));
    const council = 'Council members vote during a session at City Hall, May 2, 2023.';
    const hearing = 'Residents line up to speak at a public hearing on the budget, April 28, 2023.';
    expect(dedupeCaptions(root)).toEqual([council, hearing]);
    const text = textOf(root);
    expect(count(text, council)).toBe(1);
    expect(count(text, hearing.slice(0, -1))).toBe(1);
    expect(figcaptionWith(root, council)).toBeDefined();
    expect(figcaptionWith(root, hearing)).toBeDefined();
    expect(root.querySelector('.caption-copy')).toBeNull();
    expect(text).toContain('“We listened to residents,” the mayor said.');
    expect(root.querySelectorAll('p')).toHaveLength(4);
  });

  it('drops alt text printed as text, keeping the alt attribute; an uncaptioned photo adopts it', () => {
    const root = rootOf(fixture('captions/alt-copy.html'));
    const trees = 'Volunteers plant oak saplings along the river bank, March 4, 2023.';
    const child = 'A child holds a shovel next to a newly planted tree.';
    expect(dedupeCaptions(root)).toEqual([trees, child]);
    const text = textOf(root);
    expect(count(text, trees)).toBe(1);
    expect(count(text, child)).toBe(1);
    expect(figcaptionWith(root, trees)).toBeDefined();
    // The loose image and the paragraph equal to its alt became one figure.
    const figure = figcaptionWith(root, child)!.closest('figure')!;
    expect(figure.querySelector('img')!.getAttribute('alt')).toBe(child);
    expect(root.querySelector(`img[alt="${trees}"]`)).not.toBeNull();
    expect(root.querySelectorAll('figure')).toHaveLength(2);
  });

  it('takes a caption the page set in a one-item list after the photo without its bullet (The Guardian)', () => {
    const caption = 'Hori Parata at his Pātaua farm, the place where he was born and grew up';
    const root = rootOf(
      `<div><p>${'Whales strand on the coast every summer, and elders are called to guide the recovery. '.repeat(3)}</p>` +
        `<figure><img src="https://example.com/farm.jpg" alt="${caption}."></figure><ul><li><p>${caption}</p></li></ul>` +
        `<p>${'The tribe keeps the bones for carving, as it has done for generations on this coast. '.repeat(3)}</p></div>`,
    );
    expect(dedupeCaptions(root)).toEqual([caption]);
    const figcaption = figcaptionWith(root, caption)!;
    expect(figcaption.querySelector('li')).toBeNull();
    expect(root.querySelector('ul, li')).toBeNull();
  });

  it('keeps the lead photo caption once, credited, when it is repeated below the photo', () => {
    const root = rootOf(fixture('captions/lead-repeat.html'));
    const lead =
      'A rocket lifts off from the launch pad at dawn, carrying a weather satellite, June 9, 2024.';
    expect(dedupeCaptions(root)).toEqual([`${lead} Photo: AP`]);
    expect(count(textOf(root), lead)).toBe(1);
    const figure = figcaptionWith(root, `${lead} Photo: AP`)!.closest('figure')!;
    // Normalized into <figure> at the photo's place, built by the root's own document.
    expect(figure.ownerDocument).toBe(root.ownerDocument);
    expect(root.firstElementChild).toBe(figure);
    expect(root.querySelector('.lead-caption-repeat')).toBeNull();
  });

  it.each([
    ['copy credited', 'X caption.', 'X caption. (Reuters)'],
    ['figure credited', 'X caption. Photo: AP', 'X caption.'],
    ['slash credit', 'X caption.', 'X caption. REUTERS/Omar Sanadiki'],
    ['AP photo', 'X caption.', 'X caption. (AP Photo/Hussein Malla)'],
    ['credit line', 'X caption', 'X caption. Credit: Jane Doe'],
  ])('keeps the longer, credited caption inside the figure (%s)', (_name, inFigure, copy) => {
    const base = 'Rescue workers search the rubble of a collapsed building in the old city';
    const [a, b] = [inFigure, copy].map((s) => s.replace('X caption', base));
    const root = rootOf(
      `<article><p>Intro.</p><figure><img src="a.jpg" alt=""><figcaption>${a}</figcaption></figure><p>${b}</p><p>More.</p></article>`,
    );
    const longest = a!.length >= b!.length ? a! : b!;
    expect(dedupeCaptions(root)).toEqual([longest]);
    expect(count(textOf(root), base)).toBe(1);
    expect(figcaptionWith(root, longest)).toBeDefined();
    expect(blockTexts(root)).toEqual(['Intro.', longest, 'More.']);
  });

  it('removes pull quotes that repeat the body and keeps real quotations', () => {
    const root = rootOf(fixture('captions/pull-quotes.html'));
    dedupeCaptions(root);
    const text = textOf(root);
    expect(count(text, 'We wanted every visitor to feel that the building belongs to them')).toBe(1);
    expect(count(text, 'It took longer than we hoped')).toBe(1);
    expect(count(text, 'restored the original 1910 facade')).toBe(1);
    expect(count(text, 'Come early, the garden closes at sunset')).toBe(1);
    expect(root.querySelector('.pull-quote')).toBeNull();
    expect(root.querySelector('aside')).toBeNull();
    // The letter is quoted nowhere else; a "pull quote" with text of its own is not a repeat either.
    expect(text).toContain('Without the patience of our neighbors');
    expect(text).toContain('fund free admission on Sundays');
    expect(root.querySelectorAll('blockquote')).toHaveLength(2);
    expect(text).toContain('Tickets are free for the first month.');
  });

  it('keeps a long unmarked blockquote quoted again on purpose, but not a long marked pull quote', () => {
    const essay = Array.from({ length: 70 }, (_, i) => `word${i}`).join(' ');
    const root = rootOf(
      `<article><p>The essay in full:</p><blockquote><p>${essay}.</p></blockquote>
        <p>Look again at the opening:</p><blockquote><p>${essay}.</p></blockquote>
        <aside class="pull-quote">${essay}</aside><p>End.</p></article>`,
    );
    dedupeCaptions(root);
    expect(root.querySelectorAll('blockquote')).toHaveLength(2);
    expect(root.querySelector('.pull-quote')).toBeNull();
  });

  it('does not merge different photos or captions that only resemble each other', () => {
    const root = rootOf(fixture('captions/distinct.html'));
    const before = textOf(root);
    expect(dedupeCaptions(root)).toEqual([
      'Buses are seen during an evacuation operation from the eastern districts, Dec. 21, 2016.',
      'People wait for buses at a checkpoint, Dec. 21, 2016.',
      'People wait for buses at a checkpoint, Dec. 22, 2016.',
      'A convoy leaves the city.',
    ]);
    // Dec. 22 paragraph is not the Dec. 21 caption; same picture with another caption is another photo.
    expect(textOf(root)).toContain('from the eastern districts, Dec. 22, 2016.');
    expect(root.querySelectorAll('figure')).toHaveLength(4);
    // The only removal: the short caption copy right after its figure.
    expect(count(textOf(root), 'A convoy leaves the city.')).toBe(1);
    expect(before.length - textOf(root).length).toBe(' A convoy leaves the city.'.length);
  });

  it('keeps a gallery of different pictures sharing one caption, and drops a placeholder copy', () => {
    const cap = 'Scenes from the first day of the festival in the old town, Aug. 5, 2022.';
    const root = rootOf(
      `<article><p>Intro.</p>
        <figure><img src="https://img.example.com/fest-1.jpg" alt=""><figcaption>${cap}</figcaption></figure>
        <figure><img src="https://img.example.com/fest-2.jpg" alt=""><figcaption>${cap}</figcaption></figure>
        <p>Middle.</p>
        <figure><img src="data:image/gif;base64,R0lGOD" alt=""><figcaption>Lazy photo caption of a street.</figcaption></figure>
        <div><figure><img alt=""><figcaption>Lazy photo caption of a street.</figcaption></figure></div>
        <p>End.</p></article>`,
    );
    expect(dedupeCaptions(root)).toEqual([cap, cap, 'Lazy photo caption of a street.']);
    expect(root.querySelectorAll('img')).toHaveLength(3);
  });

  it('normalizes loose captions of a Readability-shaped body into figure/figcaption', () => {
    const root = rootOf(fixture('captions/readability-shape.html'));
    const grapes = 'A farmer loads grapes onto a truck in the valley, Aug. 30, 2023.';
    const barrels = 'Barrels of new wine are stacked in a cellar, Sept. 2, 2023.';
    expect(dedupeCaptions(root)).toEqual([grapes, barrels]);
    const text = textOf(root);
    expect(count(text, grapes)).toBe(1);
    expect(count(text, barrels)).toBe(1);
    expect(figcaptionWith(root, grapes)).toBeDefined();
    expect(figcaptionWith(root, barrels)).toBeDefined();
    // A story paragraph after an image is not a caption: no signal says so.
    const tractor = root.querySelector('img[alt="Tractor"]')!;
    expect(tractor.closest('figure')).toBeNull();
    expect(text).toContain('Prices for grapes rose by ten percent');
  });

  it.each([
    ['span.caption beside the image', '<div><img src="a.jpg" alt=""><span class="caption">CAP</span></div>'],
    [
      'p.caption after a wrapped image',
      '<p><a href="/big.jpg"><img src="a.jpg" alt=""></a></p><p class="caption">CAP</p>',
    ],
    [
      'wp-caption',
      '<div class="wp-caption"><img src="a.jpg" alt=""><p class="wp-caption-text">CAP</p></div>',
    ],
    ['figure without figcaption', '<figure><img src="a.jpg" alt=""><p>CAP</p></figure>'],
  ])('wraps a loose caption with its image (%s)', (_name, markup) => {
    const cap = 'Crowds line the street to watch the parade pass by, July 4, 2021.';
    const root = rootOf(
      `<article><p>Story starts.</p>${markup.replace('CAP', cap)}<p>Story goes on.</p></article>`,
    );
    expect(dedupeCaptions(root)).toEqual([cap]);
    const figcaption = figcaptionWith(root, cap)!;
    expect(figcaption.parentElement!.localName).toBe('figure');
    expect(blockTexts(root)).toEqual(['Story starts.', cap, 'Story goes on.']);
  });

  it('is idempotent', () => {
    const root = rootOf(fixture('captions/lightbox.html'));
    const first = dedupeCaptions(root);
    const html = root.innerHTML;
    expect(dedupeCaptions(root)).toEqual(first);
    expect(root.innerHTML).toBe(html);
  });
});

describe('dedupeCaptions: a credited line after a photo', () => {
  const story =
    '<p>For many restaurant chains, 2025 was a year focused on reversing negative sales growth and winning back guests.</p>';

  it('makes a short line that ends in a photo credit the caption of the image before it', () => {
    const caption = 'Paris Baguette opened 80 units in North America this year. | Photo by Lisa Jennings';
    const root = rootOf(`<article><img src="bakery.jpg" alt=""><p>${caption}</p>${story}</article>`);
    expect(dedupeCaptions(root)).toEqual([caption]);
    expect(figcaptionWith(root, caption)?.closest('figure')?.querySelector('img')).not.toBeNull();
    expect(root.querySelectorAll('article > p')).toHaveLength(1);
  });

  it("takes the credited line set under the photo with a line break, in one paragraph (Mozilla's wapo-2)", () => {
    const caption =
      'Israeli Prime Minister Benjamin Netanyahu visits the Western Wall in Jerusalem. (Thomas Coex/AFP/Getty Images)';
    const root = rootOf(
      `<article><p><img src="wall.jpg"> <br> <span>${caption}</span> </p>${story}</article>`,
    );
    expect(dedupeCaptions(root)).toEqual([caption]);
    const figure = figcaptionWith(root, caption)?.closest('figure');
    expect(figure?.querySelector('img')).not.toBeNull();
    // The paragraph that held both is gone, line break and all: no figure inside a <p>.
    expect(figure?.parentElement?.tagName).toBe('ARTICLE');
    expect(root.querySelector('br')).toBeNull();
  });

  it('never takes a story paragraph after a photo for a caption, credited-sounding or long', () => {
    const plain =
      '<p>He said the photo by the river was his favourite, and he kept it on his desk for years.</p>';
    const long = `<p>${'The city council voted on Tuesday to extend the bakery permit for another year after a long debate. '.repeat(3)}Reuters</p>`;
    const root = rootOf(
      `<article><img src="a.jpg" alt="">${plain}<img src="b.jpg" alt="">${long}${story}</article>`,
    );
    expect(dedupeCaptions(root)).toEqual([]);
    expect(root.querySelectorAll('figure, figcaption')).toHaveLength(0);
    expect(root.querySelectorAll('article > p')).toHaveLength(3);
  });
});

describe('dedupeCaptions: a caption copied from the story beside it', () => {
  const lead = 'There are various styles of wine, each with unique characteristics.';
  const figure = (caption: string) =>
    `<figure><img src="wine.webp" alt=""><figcaption>${caption}</figcaption></figure>`;

  it('drops a caption that is a whole sentence of the paragraph before or after its photo', () => {
    for (const html of [
      `<article><p>${lead} Here are the primary types of wine:</p>${figure(lead)}<h3>Red wines</h3></article>`,
      `<article><h3>Wines</h3><div>${figure(lead)}</div><p>Read on. ${lead}</p></article>`,
    ]) {
      const root = rootOf(html);
      expect(dedupeCaptions(root)).toEqual([]);
      expect(count(textOf(root), lead)).toBe(1);
      expect(root.querySelector('figure img')).not.toBeNull();
    }
  });

  it('keeps a caption that is only part of a sentence beside it, or a sentence further away', () => {
    const person = 'Kevin Cureghian, an Audio Specialist at Spotify';
    const root = rootOf(
      `<article><p>“Learn the basics first,” explains ${person}.</p>${figure(person)}` +
        `<p>${lead}</p><p>Between them, another paragraph of the story.</p>${figure(lead)}</article>`,
    );
    expect(dedupeCaptions(root)).toEqual([person, lead]);
  });
});

describe('dedupeCaptions: robustness', () => {
  it('never throws on odd input', () => {
    const doc = parse('<p>x</p>');
    expect(dedupeCaptions(doc.createElement('div'))).toEqual([]);
    expect(dedupeCaptions(doc.createElement('img'))).toEqual([]);
    const detached = doc.createElement('section');
    detached.innerHTML =
      '<figure><img src="a.jpg"><figcaption>Caption text here</figcaption></figure><p>Caption text here</p>';
    expect(dedupeCaptions(detached)).toEqual(['Caption text here']);
    expect(textOf(detached)).toBe('Caption text here');
    const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    expect(dedupeCaptions(svg)).toEqual([]);
  });

  it('survives very deep nesting', () => {
    const doc = parse('<article></article>');
    const root = doc.querySelector('article')!;
    let node: Element = root;
    for (let i = 0; i < 3000; i++) node = node.appendChild(doc.createElement('div'));
    node.innerHTML = '<img src="a.jpg"><span class="caption">A deep caption for a deep photo.</span>';
    root.appendChild(doc.createElement('p')).textContent = 'A deep caption for a deep photo.';
    expect(() => dedupeCaptions(root)).not.toThrow();
  });

  it('works on elements of another DOM implementation (linkedom)', () => {
    const { document } = parseHTML(fixture('captions/lightbox.html').replace(/<!--[\s\S]*?-->/, ''));
    const root = document.querySelector('article') as unknown as Element;
    const captions = dedupeCaptions(root);
    expect(captions).toHaveLength(2);
    const text = textOf(root);
    for (const c of captions) expect(count(text, c)).toBe(1);
  });

  it('stays fast on a long article', () => {
    const parts: string[] = [];
    for (let i = 0; i < 400; i++) {
      const cap = `Photo number ${i} shows the scene on the street in the afternoon.`;
      parts.push(`<p>Paragraph ${i} of the story, with several words of ordinary text in it.</p>`);
      parts.push(`<div><figure><img src="p${i}.jpg" alt=""><figcaption>${cap}</figcaption></figure>`);
      parts.push(`<div class="lightbox"><span>${cap}</span></div></div>`);
      for (let j = 0; j < 5; j++)
        parts.push(`<p>Filler paragraph ${i}.${j} goes here and says nothing new.</p>`);
    }
    const root = rootOf(`<article>${parts.join('')}</article>`);
    const start = performance.now();
    const captions = dedupeCaptions(root);
    const elapsed = performance.now() - start;
    expect(captions).toHaveLength(400);
    expect(count(textOf(root), 'Photo number 7 shows')).toBe(1);
    expect(elapsed).toBeLessThan(5000);
  });

  it('property: captions once, story paragraphs untouched, whatever the order of blocks', () => {
    const paragraphs = Array.from(
      { length: 8 },
      (_, i) => `Story paragraph ${i} reports what happened next in the town.`,
    );
    const captions = Array.from(
      { length: 5 },
      (_, i) => `Photo ${i}: residents clear debris from a street, May ${i + 1}, 2020.`,
    );
    const block = fc.oneof(
      fc.record({ kind: fc.constant('p' as const), i: fc.nat(7) }),
      fc.record({
        kind: fc.constant('fig' as const),
        i: fc.nat(4),
        copy: fc.constantFrom('none', 'after', 'before', 'lightbox', 'credited'),
      }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 14 }), (blocks) => {
        const used = new Set<number>();
        let html = '<p>Lede of the story.</p>';
        for (const b of blocks) {
          if (b.kind === 'p') {
            html += `<p>${paragraphs[b.i]}</p>`;
            continue;
          }
          if (used.has(b.i)) continue; // one figure per caption in this property
          used.add(b.i);
          const cap = captions[b.i]!;
          const figure = `<figure><img src="img${b.i}.jpg" alt=""><figcaption>${cap}</figcaption></figure>`;
          if (b.copy === 'after') html += `${figure}<p>${cap}</p>`;
          else if (b.copy === 'before') html += `<p>${cap}</p>${figure}`;
          else if (b.copy === 'lightbox') html += `<div>${figure}<div><span>${cap}</span></div></div>`;
          else if (b.copy === 'credited') html += `${figure}<p>${cap} (Reuters)</p>`;
          else html += figure;
        }
        const root = rootOf(`<article>${html}</article>`);
        const storyBefore = Array.from(root.querySelectorAll('p')).filter((p) =>
          p.textContent!.startsWith('Story'),
        );
        const kept = dedupeCaptions(root);
        const text = textOf(root);
        expect(kept).toHaveLength(used.size);
        for (const i of used) {
          expect(count(text, captions[i]!.slice(0, -1))).toBe(1);
          expect(kept.some((k) => k.startsWith(captions[i]!))).toBe(true);
        }
        for (const p of storyBefore) expect(root.contains(p)).toBe(true);
        expect(text.startsWith('Lede of the story.')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('VOA Aleppo fixture', () => {
  const html = fixture('voa-aleppo.html');
  const url = 'https://www.voanews.com/a/syrian-army-says-aleppo-retaken/3646363.html';
  const CAPTIONS = [
    "A Syrian driver flies a national flag as people celebrate in the streets in Aleppo, Syria, after the army said it had retaken full control of the city, Dec. 22, 2016. The victory against opposition forces was the army's biggest since the civil war erupted in 2011.",
    'Syrian rebel fighters arrive in the opposition-controlled Khan al-Assal region, west of Aleppo, after being evacuated from the embattled city, Dec. 22, 2016.',
    'An injured Syrian arrives at a refugee camp in Rashidin, near Idlib, Syria, after he was evacuated from Aleppo during a cease-fire, Dec. 20, 2016.',
    "Buses are seen during an evacuation operation of Syrian rebel fighters and civilians from the remaining rebel-held pockets of eastern Aleppo toward rebel-held territory in the west of Aleppo's province, Dec. 21, 2016.",
  ];

  function expectEachCaptionOnceWithItsImage(root: Element, captions: string[]): void {
    expect(captions).toEqual(CAPTIONS);
    const text = textOf(root);
    for (const caption of CAPTIONS) {
      expect(count(text, caption)).toBe(1);
      expect(figcaptionWith(root, caption)).toBeDefined();
    }
    // The story itself is whole: all 11 paragraphs, the quotes included.
    expect(text).toContain('"could be in theory the next Aleppo."');
    expect(text).toContain('the army said in a statement, according to the French news agency AFP.');
    expect(Array.from(root.querySelectorAll('p')).filter((p) => !p.closest('figure'))).toHaveLength(11);
  }

  it('is a plausible VOA page of 2016 with the captions printed as a reader saw them', () => {
    const doc = new JSDOM(html, { url }).window.document;
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.title).toBe(
      'Syrian Army Says Aleppo Has Been Retaken; US, UN Remain Wary | Voice of America - English',
    );
    expect(doc.querySelector('meta[property="og:site_name"]')!.getAttribute('content')).toBe(
      'Voice of America',
    );
    expect(doc.querySelector('link[rel=canonical]')!.getAttribute('href')).toBe(url);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld['@type']).toBe('NewsArticle');
    expect(doc.querySelector('time[pubdate]')!.getAttribute('datetime')).toMatch(/^2016-12-22T/);
    expect(textOf(doc.querySelector('#skip-links')!)).toContain('Accessibility links');
    expect(textOf(doc.querySelector('.authors .links__item')!)).toBe('VOA News');
    expect(textOf(doc.querySelector('.font-size-switcher')!)).toBe('XS SM MD LG');
    expect(doc.querySelectorAll('#article-content .wsw .wsw__embed figure .img-wrap img')).toHaveLength(4);
    const wswText = textOf(doc.querySelector('.wsw')!);
    expect(CAPTIONS.map((c) => count(wswText, c))).toEqual([1, 2, 2, 2]);
    expect(doc.querySelector(`img[alt="${CAPTIONS[0]}"]`)).not.toBeNull();
  });

  it('leaves each caption once, in a figcaption with its image, on the .wsw element', () => {
    const doc = new JSDOM(html, { url }).window.document;
    const wsw = doc.querySelector('.wsw')!;
    expectEachCaptionOnceWithItsImage(wsw, dedupeCaptions(wsw));
  });

  it("leaves each caption once on Readability's output of the whole page", () => {
    const doc = new JSDOM(html, { url }).window.document;
    const article = new Readability(
      doc.cloneNode(true) as Document,
      {
        serializer: (el: Node) => el,
      } as ConstructorParameters<typeof Readability>[1],
    ).parse();
    const content = article!.content as unknown as Element;
    expect(count(textOf(content), CAPTIONS[1]!)).toBe(2);
    expectEachCaptionOnceWithItsImage(content, dedupeCaptions(content));
  });

  it('does the same when the page has no <figure>/<figcaption> (flattened to divs)', () => {
    const flat = html.replace(/<(\/?)fig(?:ure|caption)\b/g, '<$1div');
    const doc = new JSDOM(flat, { url }).window.document;
    const wsw = doc.querySelector('.wsw')!;
    expect(wsw.querySelector('figure, figcaption')).toBeNull();
    expectEachCaptionOnceWithItsImage(wsw, dedupeCaptions(wsw));
  });

  it('does the same in linkedom', () => {
    const { document } = parseHTML(html);
    const wsw = document.querySelector('.wsw') as unknown as Element;
    expectEachCaptionOnceWithItsImage(wsw, dedupeCaptions(wsw));
  });
});
