import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { postClean, preClean } from '@/lib/clean';
import { boilerplateKind, nameTokens } from '@/lib/clean-names';
import {
  BOILERPLATE_TEXT,
  firstWord,
  isBoilerplateText,
  isDateLine,
  matchesBoilerplatePattern,
} from '@/lib/clean-text';
import { removeTrailingHeadings } from '@/lib/clean-trailing';
import { isShareBar, isTextSizeWidget } from '@/lib/clean-widgets';
import { looksLikeStory } from '@/lib/dom-text';
import { extractArticle } from '@/lib/extract';
import { resolveStreamedContent } from '@/lib/streamed-content';
import { articleText, nonSpaceLength } from '@/lib/text';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

function parse(html: string, url = 'https://news.example.com/2024/03/story.html'): Document {
  return new JSDOM(html, { url }).window.document;
}

/** A body holding `inner` after three long story paragraphs, as Readability hands it to postClean. */
const LONG =
  'The council voted on Tuesday to keep the library open on Sundays after a petition signed by two thousand residents, ';
function story(inner: string, { before = 3, after = 0 } = {}): Element {
  const p = (i: number) =>
    `<p>${LONG}paragraph ${i} of the story, with enough words to read as real text.</p>`;
  const html = `<div id="root">${Array.from({ length: before }, (_, i) => p(i)).join('')}${inner}${Array.from(
    { length: after },
    (_, i) => p(before + i),
  ).join('')}</div>`;
  return parse(html).getElementById('root')!;
}

function cleaned(
  inner: string,
  opts: Parameters<typeof story>[1] = {},
  post: Parameters<typeof postClean>[1] = {},
) {
  const root = story(inner, opts);
  postClean(root, post);
  return { root, text: articleText(root) };
}

describe('class/id names are matched as words', () => {
  it('splits class tokens and ids into words', () => {
    const el = parse('<div class="relatedArticles share_bar" id="mostRead"></div>').querySelector('div')!;
    expect(nameTokens(el)).toEqual(['related-articles', 'share-bar', 'most-read']);
    // A camel-cased name with a number is still words; a generated id is one opaque word.
    const ids = parse('<div class="adSlot2 record-PFk9dDFpTo0qJgx9vRfc"></div>').querySelector('div')!;
    expect(nameTokens(ids)).toEqual(['ad-slot2', 'record-pfk9ddfpto0qjgx9vrfc']);
  });

  it.each([
    ['share-bar', 'share'],
    ['social-links', 'share'],
    ['related-posts', 'related'],
    ['mostPopular', 'related'],
    ['newsletter-box', 'newsletter'],
    ['cookie-consent', 'consent'],
    ['ad-slot', 'ad'],
    ['skip-links', 'skip'],
    ['text-size', 'textsize'],
    ['author-bio', 'author'],
    ['sr-only', 'srOnly'],
    // A token per remaining kind: every rule is reached through the one union pattern tried first.
    ['breadcrumb', 'nav'],
    ['comment-list', 'comments'],
    ['ez-toc', 'toc'],
    ['post-tags', 'tags'],
    ['cta', 'promo'],
    ['disclaimer', 'legal'],
    ['dateline', 'meta'],
    ['swiper', 'carousel'],
  ])('"%s" names %s furniture', (cls, kind) => {
    expect(boilerplateKind(parse(`<div class="${cls}"></div>`).querySelector('div')!)).toBe(kind);
  });

  it.each([
    'shared-content',
    'unrelated-story-body',
    'adventure',
    'headline',
    'shareholder-report',
    'no-print',
    'has-share-buttons',
    'readability-styled',
    // A document editor's generated record ids: split at their capitals they spell "dfp", "ad".
    'ace-line old-record-id-PFk9dDFpTo0qJgx9vRfcqXxunAc',
  ])('"%s" names nothing', (cls) => {
    expect(boilerplateKind(parse(`<div class="${cls}"></div>`).querySelector('div')!)).toBeNull();
  });
});

describe('widget and label detection', () => {
  const el = (html: string) => parse(`<div>${html}</div>`).querySelector('body > div')!;

  it('spots text-size switchers and nothing else', () => {
    expect(isTextSizeWidget(el('<ul><li>XS</li><li>SM</li><li>MD</li><li>LG</li></ul>'))).toBe(true);
    expect(isTextSizeWidget(el('<button>A</button> <button>A</button> <button>A</button>'))).toBe(true);
    expect(isTextSizeWidget(el('Text size: A- A A+'))).toBe(true);
    expect(isTextSizeWidget(el('Sizes XS and S are sold out'))).toBe(false);
    expect(isTextSizeWidget(el('A'))).toBe(false);
  });

  it('counts the characters `\\s` leaves (the bound the widget and label passes skip on)', () => {
    let every = '';
    for (let c = 0; c <= 0xffff; c++) every += String.fromCharCode(c);
    expect(nonSpaceLength(every)).toBe(every.replace(/\s/g, '').length);
    expect(nonSpaceLength(' a\u00a0b\u2003c\n')).toBe(3);
  });

  it('spots share bars by their words', () => {
    expect(isShareBar(el('<a>Facebook</a><a>Twitter</a><a>Email</a>'))).toBe(true);
    expect(isShareBar(el('Share this article <a>Facebook</a> <a>LinkedIn</a>'))).toBe(true);
    expect(isShareBar(el('He shared the post on Facebook with his family.'))).toBe(false);
  });

  it.each([
    'Advertisement',
    'ADVERTISEMENT - Continue reading below',
    'Share this article',
    'Sign up for our daily newsletter',
    'This post contains affiliate links.',
    '[Top]',
    'Feedback',
    'A version of this article appears in print on Sept. 26, 2018, Section A, Page 1 of the New York edition with the headline: Interest on U.S. Debt. Order Reprints | Today’s Paper | Subscribe',
    // A widget's maker, left behind by the widget (Mozilla's cnn page).
    'Powered by SmartAsset.com',
    // Bracketed: a placeholder or a call to action.
    "[Want more design inspo and plant tips? Let's hang out on Instagram!]",
    '[CTA_MODULE]',
    'Thanks for your feedback!',
    'Sponsored by Taboola',
    'Next page: the budget vote',
    '(Bild: Hersteller)',
    'Foto: dpa / Jan Woitas',
    // A feedback widget's question, a gallery's header and a topic list's label, left by their
    // widgets (Mozilla's ehow-1, engadget and bug-1255978 pages).
    'Found This Helpful',
    'Gallery: Xbox One X | 14 Photos',
    'More about:',
    // Buttons, counters and date lines of French, German and Spanish news sites (Le Figaro, Slate.fr).
    'Imprimer',
    'Haut de page',
    '10 réactions',
    '3 Kommentare',
    // A photo's zoom button (ESPN, NPR) and USA Today's share line.
    '[+] Enlarge',
    'Enlarge this image',
    'Read or Share this story: http://usat.ly/1x3DFko',
  ])('"%s" is a label', (t) => {
    expect(isBoilerplateText(t)).toBe(true);
  });

  it.each([
    'Related stories', // a heading: handled with its section
    'The advertisement ran in three newspapers before the election.',
    'Readers were asked to share their memories of the flood.',
    'Where to buy a first home is the question couples argue about most.',
    'Read our full review to see why the battery won us over.',
    'Read our full review.',
    'Feedback from readers shaped the second edition.',
    'A version of this story appeared on the BBC in 2019 and was updated.',
    'Up',
    'Top',
    'Read more about the council’s plans in our explainer.',
    'Powered by coal, the plant ran for forty years.', // a sentence about power
    // In brackets, a source's name or an editor's aside.
    '[FT]',
    '[Not an answer, but too long for a comment.]',
    '[Readers who subscribed in 2019 were refunded.]',
    '4 / 5', // a review's rating
    '1/5',
    'Exclusive interview',
    'Next page: read what the mayor said. Then vote.',
    'The festival, sponsored by the city, drew 40,000 people.',
    'Thanks for taking the survey, the mayor told residents. Then she left.',
    'The council said the survey below the fold was never completed.',
    'Readers found this helpful, the survey said.',
    'The gallery: a room of 14 photos', // no count after a bar
    'More about the vote tomorrow.',
    'Enlarge the photo to see the crack in the dam.',
    'Imprimer ce texte coûtait cher en 1850, rappelle l’historien.',
    'Nach oben ging es nur langsam, sagte der Bergführer.',
  ])('"%s" is story text', (t) => {
    expect(isBoilerplateText(t)).toBe(false);
  });

  // The patterns run only when a text's first word (or content) can start a match: a sample per
  // pattern, dressed the ways pages print them, must still match, through the gates and without them.
  it('runs the label patterns through their gates without missing a match', () => {
    const samples = [
      'ADVERTISEMENT - Continue reading below',
      'Story continues below advertisement',
      'Promoted By Zergnet',
      'Share this article on your network:',
      'Want more? Sign up for our free weekly newsletter.',
      'Get our Morning Briefing newsletter every weekday.',
      'Follow us on Instagram',
      'Catch up on the season, and follow us on TikTok to stay up to date.',
      'Skip to main content',
      'E-mail this story',
      'This website uses cookies to improve your experience.',
      'Loading…',
      '✅ Thank you for completing the survey!',
      'Fill out the form below or email your questions, issues, or story ideas to our team.',
      'Send feedback',
      'A version of this article appears in print on , on Page A1 of the New York edition',
      'Photo credit:',
      'Expand caption',
      '↑ Back to top',
      '(Up)',
      'Back to Blog',
      '← Back to all posts',
      'Page 1 of 8',
      'What others are reading',
      'You may also like',
      'Next article »',
      'Next page: Security>>',
      'Continue reading the main story',
      'Read more →',
      'Was this article helpful?',
      'Did you find this article helpful?',
      'Drucken',
      'Retour en haut de page',
      '12 comentarios',
      'Enlarge',
      'Share this story: https://example.com/s/1',
      'Found this helpful?',
      'Photo gallery: The flood in pictures | 22 Photos',
      'More about: Hotels, Hygiene',
      '12 comments',
      'Already have an account? Log in',
      '3:45',
      'Enjoyed the post? Pin it for later!',
      'View all posts by Jane Doe',
      'About the author',
      '5 min read',
      'Almost Timely News: Using AI for Analytics (2025-09-21) :: View in Browser',
      'Fact-checked by',
      '© 2025 Example Media. All rights reserved.',
      '(Visited 1,234 times, 5 visits today)',
      '1 / 5',
      'EXCLUSIVE',
      'No comments yet.',
      'Powered by SmartAsset.com',
      '[CTA_MODULE]',
      '[What you need to know to start the day: Get New York Today in your inbox.]',
      '1.2k views',
      'Home » Guides » Meditation class cost',
      '👉 Check price on Amazon',
      '$899.99 from Best Buy',
      'Best Prices Today:',
      'Read our full Lenovo Yoga 9i 2-in-1 review',
      'Ready to plan your renovation? Use our free home renovation cost calculator.',
      '30-day free trial, no credit card required',
      'Sign up for free!',
      'Tags: politics, elections',
      'Would you like to receive notifications about breaking news?',
      'To continue reading this article, subscribe now.',
    ];
    const unGated = (t: string) => BOILERPLATE_TEXT.filter(([re]) => re.test(t)).length;
    for (const t of samples) {
      expect(unGated(t), t).toBeGreaterThan(0);
      expect(matchesBoilerplatePattern(t), t).toBe(true);
      const upper = t.toUpperCase();
      expect(matchesBoilerplatePattern(upper), upper).toBe(unGated(upper) > 0);
    }
    // Every pattern has its sample here: a new pattern needs one (and a gate that lets it through).
    for (const [re] of BOILERPLATE_TEXT)
      expect(
        samples.some((t) => re.test(t)),
        String(re),
      ).toBe(true);
    expect(firstWord('👉 check price')).toBe('check');
    expect(firstWord('1.2k views')).toBe('#');
    expect(firstWord('publicité')).toBe('publicité');
  });

  it('takes "Back to …" for a link to a listing only, and a rail\'s heading only as the whole text', () => {
    expect(isBoilerplateText('Back to the drawing board')).toBe(false);
    expect(isBoilerplateText('Back to school: what parents need to know')).toBe(false);
    expect(isBoilerplateText('You may also like the new library hours, which start in May.')).toBe(false);
    expect(isBoilerplateText('Page 1 of the report lists the budget cuts')).toBe(false);
  });

  it("reads a newsletter's e-mail header and a reading time behind a separator dot as labels", () => {
    expect(isBoilerplateText('View this email in your browser')).toBe(true);
    expect(isBoilerplateText('The Weekly | View in browser')).toBe(true);
    expect(isBoilerplateText('• 8 minutes')).toBe(true);
    expect(isBoilerplateText('You can view the map in your browser.')).toBe(false);
    expect(isBoilerplateText('Officials said. View in browser')).toBe(false);
    expect(isBoilerplateText('• The bridge reopens on Monday, officials said.')).toBe(false);
  });

  it("recognises a company blog's calls to action, never a sentence that asks or mentions a trial", () => {
    expect(
      isBoilerplateText('Ready to plan your renovation? Use our free home renovation cost calculator.'),
    ).toBe(true);
    expect(isBoilerplateText('Ready to simplify your nutrition? Get started today.')).toBe(true);
    expect(isBoilerplateText('30 day free trial, no credit card required')).toBe(true);
    expect(isBoilerplateText('No credit card required.')).toBe(true);
    expect(isBoilerplateText('Get started today!')).toBe(true);
    expect(isBoilerplateText('Ready for the storm? Officials said the sea wall would hold.')).toBe(false);
    expect(isBoilerplateText('Ready to vote? Polls open at 7 a.m. across the county.')).toBe(false);
    expect(isBoilerplateText('The app offers a free trial, but no credit card is required to sign up.')).toBe(
      false,
    );
    expect(isBoilerplateText('Get started')).toBe(false); // a heading: left to the heading rules
  });

  it('recognises newsletter and follow-us pitches, never news about newsletters or social accounts', () => {
    expect(
      isBoilerplateText(
        'Want more from NBC Select? Sign up for our newsletter, The Selection, and shop smarter.',
      ),
    ).toBe(true);
    expect(
      isBoilerplateText(
        'Catch up on NBC Select’s in-depth coverage of tech and tools, wellness and more, and follow us on Facebook, Instagram, Twitter and TikTok to stay up to date.',
      ),
    ).toBe(true);
    expect(isBoilerplateText('Why now? Subscribers to the newsletter grew by 40 percent last year.')).toBe(
      false,
    );
    expect(
      isBoilerplateText('The mayor urged residents to follow the city on Facebook for storm updates.'),
    ).toBe(false);
    expect(isBoilerplateText('The group told villagers: “Follow us on Twitter.”')).toBe(false);
  });

  it('recognises date lines', () => {
    expect(isDateLine('March 5, 2024')).toBe(true);
    expect(isDateLine('Updated on 18 Dec 2025 • 8 min read')).toBe(true);
    expect(isDateLine('2024-03-05 09:30')).toBe(true);
    // A time glued to its meridiem (Outside's "Published June 23, 2025 10:39AM").
    expect(isDateLine('Published June 23, 2025 10:39AM')).toBe(true);
    expect(isDateLine('Updated March 5, 2024, 4:15 p.m. ET')).toBe(true);
    expect(isDateLine('March 5, 2024: 10 AMC theaters closed')).toBe(false);
    expect(isDateLine('The bridge closed on March 5, 2022 after divers found cracks.')).toBe(false);
    expect(isDateLine('May the best team win')).toBe(false);
    // An ordinal day; French, German and Spanish date lines.
    expect(isDateLine('Posted Aug 18th 2010 7:30PM')).toBe(true);
    expect(isDateLine('Publié le 29/10/2012 Mis à jour le 29/10/2012 à 14h03')).toBe(true);
    expect(isDateLine('Aktualisiert am 5. März 2024, 10:30 Uhr')).toBe(true);
    expect(isDateLine('Publicado el 3 de mayo de 2024')).toBe(true);
    expect(isDateLine('Le 14 juillet, la foule a envahi la place.')).toBe(false);
    expect(isDateLine('Am 5. März 2024 wurde gewählt.')).toBe(false);
    expect(isDateLine('El 3 de mayo de 2024 llovió en Madrid.')).toBe(false);
  });

  it('tells the story from a teaser list', () => {
    const storyLike = el(`<p>${LONG}one.</p><p>${LONG}two.</p><p>${LONG}three.</p><p>${LONG}four.</p>`);
    const teasers = el(
      '<p><a href="/a">A linked teaser headline that is long enough to count as text here</a></p>'.repeat(4),
    );
    expect(looksLikeStory(storyLike)).toBe(true);
    expect(looksLikeStory(teasers)).toBe(false);
  });
});

describe('preClean', () => {
  const doc = () => parse(fixture('extract/boilerplate-story.html'));

  it('removes page furniture before Readability', () => {
    const d = doc();
    preClean(d);
    const text = d.body.textContent ?? '';
    for (const gone of [
      'Accessibility links',
      'Skip to content',
      'We use cookies',
      'Most read',
      'All rights reserved',
      'Hidden draft paragraph',
      'Decorative quote mark',
    ]) {
      expect(text).not.toContain(gone);
    }
    expect(d.querySelector('.share-tools, .font-size-switcher, .site-header nav')).toBeNull();
  });

  it("takes out a term's pop-up definition and ARIA tooltips, never a term the site classed as one (conductor.com)", () => {
    const d = parse(
      `<html><body><article><p>Outperform your <span class="Term_component"><dfn aria-labelledby="tip-1">competition</dfn><span class="Term_tooltip__8VNIW" id="tip-1"><strong>Competition</strong><br>Businesses generally know who their competitors are.</span></span> in 2025.</p>` +
        `<p>Read about <a class="tooltip216228" href="/health">complementary health approaches</a> here.</p>` +
        `<p>Every week.<sup><a href="#n1">1</a></sup><span role="tooltip">I started writing this post long ago.</span> And more.</p>` +
        `<figure><img src="a.jpg" aria-describedby="cap-1"><figcaption id="cap-1" class="caption">Rooftop beds in Rajshahi.</figcaption></figure></article></body></html>`,
    );
    preClean(d);
    const text = d.body.textContent ?? '';
    expect(text).toContain('Outperform your competition in 2025.');
    expect(text).not.toContain('Businesses generally know');
    expect(text).toContain('complementary health approaches');
    expect(text).not.toContain('I started writing');
    // Described by an element beside it that says nothing of a pop-up: a caption, which stays.
    expect(text).toContain('Rooftop beds in Rajshahi.');
  });

  it('keeps the story, its figure and its byline block for Readability', () => {
    const d = doc();
    preClean(d);
    expect(d.body.textContent).toContain('two years after engineers closed it');
    expect(d.querySelector('figure img')).not.toBeNull();
    expect(d.querySelector('.byline')).not.toBeNull();
  });

  it('keeps a story whose class names contain furniture words inside other words', () => {
    const d = parse(fixture('extract/word-boundary.html'));
    preClean(d);
    const text = d.body.textContent ?? '';
    expect(text).toContain('Twelve apple growers');
    // "post-social" names a share bar, but it holds three paragraphs of the story.
    expect(text).toContain('nine hundred tonnes');
    expect(text).toContain('Growers outside the valley');
    expect(d.querySelector('.share, .related')).toBeNull();
  });

  it('keeps a section whose heading is a named anchor (a jump target, not a link)', () => {
    // One wrapper per section, as some publishing systems print them; the last one's heading is a
    // table-of-contents target. Readability counts its text as linked and dropped the section.
    const section = (h: string, ...ps: string[]) =>
      `<div class="wrapper"><div class="wrapper__body"><h2>${h}</h2>${ps.map((p) => `<p>${p}</p>`).join('')}</div></div>`;
    const body = Array.from({ length: 5 }, (_, i) =>
      section(
        `Carrier ${i + 1}`,
        `${LONG}and carrier ${i + 1} writes more policies than most of its rivals in the state.`,
        `${LONG}while carrier ${i + 1} also sells cover for homes, cars and small businesses.`,
      ),
    ).join('');
    const target =
      '<a id="choosing" name="choosing"><strong>Choosing from the top ten insurance companies</strong></a>';
    const last = section(
      target,
      'With all these choices, finding the best carrier can be a daunting task. Here is how to start:',
    );
    const html = `<html><head><title>Top carriers</title></head><body><main><h1>The top ten carriers</h1>${body}${last}</main></body></html>`;
    const ex = extractArticle(parse(html));
    const withAnchor = ex ? articleText(ex.body) : '';
    expect(withAnchor).toContain('With all these choices');
    expect(withAnchor).toContain('Choosing from the top ten insurance companies');
    // A real link keeps its weight: the same section as a link stays subject to Readability's judgement.
    const d = parse(html.replace('<a id="choosing" name="choosing">', '<a id="c" href="/other">'));
    preClean(d);
    expect(d.querySelector('a[href="/other"]')).not.toBeNull();
  });

  it('takes out a sign-up box that has an email field but no <form> (Medium), and nothing around it', () => {
    const para = (i: number) =>
      `<p>${LONG}paragraph ${i} of the story, with enough words to read as real text.</p>`;
    const box =
      '<div><div><h2>Get Sérgio Schüler’s stories in your inbox</h2></div><div><p>Join Medium for free to get updates from this writer.</p></div>' +
      '<div><input placeholder="Enter your email" type="text"><button>Subscribe</button></div><label><input type="checkbox" checked>Remember me for faster sign in</label></div>';
    const html = `<html><head><title>Lessons</title></head><body><article><h1>Lessons from my failed startup</h1>${para(1)}${para(2)}${box}${para(3)}${para(4)}</article></body></html>`;
    const text = articleText(extractArticle(parse(html))!.body);
    expect(text).not.toContain('Join Medium');
    expect(text).not.toContain('stories in your inbox');
    expect(text).not.toContain('Remember me');
    for (const i of [1, 2, 3, 4]) expect(text).toContain(`paragraph ${i} of the story`);
    // A search field is no sign-up box.
    const search = `<html><body><article><h1>Lessons from my failed startup</h1>${para(1)}<div><p>Search the archive</p><input type="search" name="q"></div>${para(2)}</article></body></html>`;
    expect(articleText(extractArticle(parse(search))!.body)).toContain('Search the archive');
  });

  it('keeps a story whose whole page an advertiser frames in a box named as an ad (Business Insider)', () => {
    // Lines of a <div> with breaks, no <p>s: nothing for the story test to count.
    const lines = Array.from(
      { length: 6 },
      (_, i) =>
        `Line ${i + 1} of the story: the Greek cabinet agreed on another round of austerity, officials said.<br><br>`,
    ).join('');
    const html =
      '<html><head><title>Developments in Greece</title></head><body><div class="ad-wallpaper"><div id="header">' +
      '<a href="/">Home</a> <a href="/tech">Tech</a></div><div class="post"><h1>MEANWHILE: Developments In Greece</h1>' +
      `<div class="post-content">${lines}</div></div><div class="footer">Copyright © 2011 Business Insider</div></div>` +
      '<div class="ad">Advertisement</div><div id="about"><p>Business Insider is a business site with deep financial, ' +
      'media, tech, and other industry verticals, launched in 2007. Registration on or use of this site constitutes ' +
      'acceptance of our Terms of Service and Privacy Policy.</p></div></body></html>';
    const text = articleText(extractArticle(parse(html))!.body);
    for (const i of [1, 6]) expect(text).toContain(`Line ${i} of the story`);
    // A box named as an ad that holds less than half of the page still goes before Readability.
    const d = parse(html.replace('</div></body>', '</div><div class="ad-box">Buy now</div></body>'));
    preClean(d);
    expect(d.body.textContent).not.toContain('Buy now');
  });

  it('keeps images that are aria-hidden', () => {
    const d = parse(
      `<body><article><p>${LONG}</p><div aria-hidden="true"><img src="/a.jpg"></div></article></body>`,
    );
    preClean(d);
    expect(d.querySelector('img')).not.toBeNull();
  });
});

describe('hidden elements', () => {
  const panel =
    'Answer: the bridge is closed to lorries until the autumn inspection, and the council will publish the results of the survey in November.';

  it('reveals a collapsed panel of the story but drops hidden menus, labels and copies', () => {
    const d = parse(
      `<body><article><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p>` +
        `<div class="faq"><button>When can lorries cross?</button><div style="display: none"><p>${panel}</p></div></div>` +
        '<div style="display:none"><ul><li><a href="/a">Menu one</a></li><li><a href="/b">Menu two</a></li></ul></div>' +
        '<span hidden>Opens in a new window</span>' +
        `<div hidden><p>${LONG}</p></div></article></body>`,
    );
    preClean(d);
    const text = d.body.textContent ?? '';
    expect(text).toContain(panel);
    expect(d.querySelector('[style]')?.getAttribute('style') ?? '').not.toMatch(/display\s*:\s*none/);
    expect(text).not.toContain('Menu one');
    expect(text).not.toContain('Opens in a new window');
    // The hidden copy of a paragraph that is shown anyway is dropped, not revealed a second time.
    expect(text.split(LONG).length - 1).toBe(3);
  });

  it('shows the sighted half of a screen-reader pair (WP Recipe Maker: "13 hrs", not "13")', () => {
    const time = (n: number, unit: string, spoken: string) =>
      `<span class="wprm-recipe-details">${n}<span class="sr-only screen-reader-text"> ${spoken}</span></span> <span class="wprm-recipe-details-unit" aria-hidden="true">${unit}</span>`;
    const d = parse(
      `<body><article><h1>Bread</h1><p>${LONG}</p><p>${LONG}</p><p>Prep time: ${time(13, 'hrs', 'hours')}. Cook time: ${time(35, 'mins', 'minutes')}.</p><p>${LONG}</p>` +
        // An aria-hidden copy with no screen-reader twin still goes.
        '<p><span aria-hidden="true">Decorative duplicate line</span></p></article></body>',
    );
    const text = articleText(extractArticle(d)!.body);
    expect(text).toContain('Prep time: 13 hrs. Cook time: 35 mins.');
    expect(text).not.toContain('hours');
    expect(text).not.toContain('Decorative duplicate line');
  });

  it('reveals a story that the page hides until a script runs', () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>${LONG}part ${i}.</p>`).join('');
    const d = parse(`<body><p>Loading…</p><div hidden><article>${paragraphs}</article></div></body>`);
    const ex = extractArticle(d);
    expect(ex && articleText(ex.body)).toContain('part 7.');
  });
});

describe('content streamed by React', () => {
  it('moves hidden streamed segments into their placeholders, replacing the skeletons', () => {
    const d = parse(
      '<body><main><h1>Title</h1><!--$?--><template id="B:0"></template><div>Loading paragraph...</div><!--/$-->' +
        '<template id="B:1"></template><div>Loading image...</div><p>Static tail.</p></main>' +
        '<div hidden id="S:0"><p>First streamed paragraph.</p><template id="P:5"></template></div>' +
        '<div hidden id="S:1"><p>Second streamed paragraph.</p></div>' +
        '<div hidden id="S:5"><p>Nested streamed paragraph.</p></div></body>',
    );
    expect(resolveStreamedContent(d)).toBe(3);
    expect(articleText(d.querySelector('main')!)).toBe(
      'Title\n\nFirst streamed paragraph.\n\nNested streamed paragraph.\n\nSecond streamed paragraph.\n\nStatic tail.',
    );
    expect(d.querySelector('[hidden], template')).toBeNull();
  });

  it('reads a sentence React split with <!-- --> markers as one paragraph, and drops the print-edition line', () => {
    // Mozilla's nytimes-4 test page: Readability ends a paragraph at each comment.
    const p = (i: number) =>
      `<p>${LONG}paragraph ${i} of the story, with enough words to read as real text.</p>`;
    const d = parse(
      `<html><head><title>Debt</title></head><body><article><h1>Interest on U.S. Debt</h1>${p(1)}${p(2)}` +
        '<div>Payments rose by <!-- -->$<!-- -->2<!-- --> billion in <!-- -->March<!-- -->, the Treasury said, as rates climbed again.</div>' +
        `${p(3)}${p(4)}<div>A version of this article appears in print on <!-- -->, on Page <!-- -->A<!-- -->1<!-- --> of the New York edition<!-- --> with the headline: <!-- -->Interest on U.S. Debt <span>. <a href="/reprints">Order Reprints</a> | <a href="/paper">Today’s Paper</a> | <a href="/subscribe">Subscribe</a></span></div></article></body></html>`,
    );
    const text = articleText(extractArticle(d)!.body);
    expect(text).toContain(
      '\n\nPayments rose by $2 billion in March, the Treasury said, as rates climbed again.\n\n',
    );
    expect(text).not.toMatch(/appears in print|Order Reprints/);
  });

  it('leaves pages without streamed segments alone', () => {
    const d = parse(
      '<body><template id="B:0"></template><div>Loading…</div><div hidden id="other">x</div></body>',
    );
    expect(resolveStreamedContent(d)).toBe(0);
    expect(d.body.textContent).toContain('Loading…');
  });
});

describe('postClean', () => {
  it('drops labels, teasers and calls to action Readability keeps', () => {
    const { text } = cleaned(
      '<div>Advertisement</div><p>Share this article</p><p>Read more: <a href="/x">Another story entirely</a></p>' +
        '<p>Sign up for our morning newsletter</p><p><a href="#top">Back to top</a></p>' +
        // In French and German: "A lire aussi : …" (Libération), "Lesen Sie auch: …".
        '<p>A lire aussi : <a href="/v">La fierté du maire</a></p><p>Lesen Sie auch: <a href="/w">Der Hafen</a></p>' +
        // In brackets (Mozilla's wapo-1 page), with a prefix or as a bare headline.
        '<p><em><a href="/y">[Read: Why the ferry, the town’s sole link, keeps failing]</a></em></p>' +
        '<p>[<a href="/z">Quay museum houses amazing Roman treasures</a>]</p>' +
        // A link to more of the site, pointed at (ESPN, The New York Times); a heading's closing guillemet is no pointer.
        '<p><a href="/commentary">MORE COMMENTARY</a> »</p><p><a href="/es/opinion">Más en Opinión ›</a></p>' +
        '<h3><a href="/boites">Les « boîtes noires »</a></h3>' +
        '<p>Read more: <a href="/seo">The ultimate guide to harbour dredging</a> »</p>' +
        // In parentheses (TIME).
        '<p>(MORE: <a href="/tweets">\'Laughter Shocks\': 13 Best Tweets About the Quay Flood</a>)</p>' +
        // An editor's aside in brackets, with a link in it, is the story's.
        '<p>[This story was updated with the <a href="/w">council’s</a> statement.]</p>',
      { after: 1 },
    );
    expect(text).toContain('[This story was updated with the council’s statement.]');
    expect(text).toContain('Les « boîtes noires »');
    for (const gone of [
      'Advertisement',
      'Share this',
      'Another story',
      'newsletter',
      'Back to top',
      'ferry',
      'Roman treasures',
      'fierté',
      'Der Hafen',
      'COMMENTARY',
      'Opinión',
      'harbour dredging',
      'Laughter Shocks',
    ]) {
      expect(text).not.toContain(gone);
    }
    expect(text).toContain('paragraph 3 of the story');
  });

  it('drops a furniture heading with the section it introduces', () => {
    const { text } = cleaned(
      '<h3>About the author</h3><p>Jo Bloggs has written about the town for twenty years and lives by the river.</p>' +
        '<h2>Related stories</h2><ul><li><a href="/a">Ferry changes</a></li><li><a href="/b">Quay works</a></li></ul>',
    );
    expect(text).not.toContain('About the author');
    expect(text).not.toContain('Jo Bloggs');
    expect(text).not.toContain('Ferry changes');
  });

  // A guide's contents whose links the page's script made into buttons (a list of bare titles), or a
  // run of paragraphs, one jump link each (Thomson Reuters): every entry repeats a later heading.
  it.each([
    [
      'a list of bare titles',
      '<ul><li><p>Why piers fail</p></li><li><span>What the board decided</span></li><li>What comes next</li></ul>',
    ],
    [
      'paragraphs of jump links',
      '<p><span>Jump to ↓</span></p><p><a href="#why">Why piers fail</a></p><hr><p><a href="#what">What the board decided</a></p><hr><p><a href="#next">What comes next</a></p>',
    ],
  ])('drops a table of contents made of %s', (_, toc) => {
    const p = (i: number) =>
      `<p>${LONG}paragraph ${i} of the story, with enough words to read as real text.</p>`;
    const root = parse(
      `<div id="root">${p(0)}${toc}<h2>Why piers fail</h2>${p(1)}<h2>What the board decided</h2>${p(2)}<h2>What comes next </h2>${p(3)}</div>`,
    ).getElementById('root')!;
    postClean(root);
    const text = articleText(root);
    expect(text.match(/Why piers fail/g)).toHaveLength(1);
    expect(text.match(/What comes next/g)).toHaveLength(1);
    expect(text).not.toContain('Jump to');
    expect(text).toContain('paragraph 3');
  });

  it('keeps a list that only resembles the headings, or names fewer than three', () => {
    const p = (i: number) =>
      `<p>${LONG}paragraph ${i} of the story, with enough words to read as real text.</p>`;
    const root = parse(
      `<div id="root">${p(0)}<ul><li>Why piers fail</li><li>What the board decided</li><li>What comes next, and when</li></ul><ol><li>Why piers fail</li><li>What comes next</li></ol><h2>Why piers fail</h2>${p(1)}<h2>What the board decided</h2>${p(2)}<h2>What comes next</h2>${p(3)}</div>`,
    ).getElementById('root')!;
    postClean(root);
    expect(root.querySelectorAll('ul, ol')).toHaveLength(2);
  });

  it('keeps headings that carry their own jump links, even wrapped in paragraphs', () => {
    // EnergySage: Readability turns each heading's wrapper into a <p> holding the <h2><a href="#…">.
    const p = (i: number) =>
      `<p>${LONG}paragraph ${i} of the story, with enough words to read as real text.</p>`;
    const titles = ['Why piers fail', 'What the board decided', 'What comes next'];
    const root = parse(
      `<div id="root">${p(0)}${titles.map((_, i) => `<div class="h"></div>${p(i + 1)}`).join('')}</div>`,
    ).getElementById('root')!;
    root.querySelectorAll('div.h').forEach((div, i) => {
      const wrapper = root.ownerDocument.createElement('p');
      wrapper.innerHTML = `<h2><a href="#s${i}">${titles[i]}</a></h2>`;
      div.replaceWith(wrapper);
    });
    postClean(root);
    const text = articleText(root);
    for (const t of titles) expect(text).toContain(t);
  });

  // eHow's AdSense unit at a story's end (Mozilla's ehow-2 page): a linked heading, its network's label.
  it('drops an ad unit of related searches with its label', () => {
    const { text } = cleaned(
      '<h2><a href="https://www.google.com/adsense/support">Related Searches</a></h2><p>Promoted By Zergnet</p>',
    );
    expect(text).not.toContain('Related Searches');
    expect(text).not.toContain('Zergnet');
    expect(text).toContain('paragraph 2 of the story');
  });

  it('drops teaser lists, curator boxes and appeals under their headings, keeps a resources section', () => {
    const { text } = cleaned(
      '<h2>More articles you might enjoy</h2><ul><li><a href="/a">Ferry changes</a></li><li><a href="/b">Quay works</a></li></ul>' +
        '<h3>Additional reading on harbours</h3><ul><li><a href="/c">Tides explained</a></li><li><a href="/d">Old piers</a></li></ul>' +
        "<h3>Who curated this article?</h3><p>Jo Bloggs is the site's harbour editor and has covered ports since 2004.</p>" +
        '<h3>Since you made it to the bottom of this article, we have a small favor to ask.</h3>' +
        '<p>Our newsroom depends on readers. A gift of any size keeps our harbour coverage free for everyone.</p>',
    );
    for (const gone of [
      'might enjoy',
      'Ferry changes',
      'Tides explained',
      'curated',
      'Jo Bloggs',
      'favor',
      'gift of any size',
    ])
      expect(text).not.toContain(gone);
    // "Additional resources" heads the guide's own list of sources (the corpus's truth keeps them).
    const kept = cleaned(
      '<h2>Additional resources</h2><ul><li><a href="/e">Harbour authority tide tables</a></li><li><a href="/f">Port safety code</a></li></ul>',
      { after: 2 },
    );
    expect(kept.text).toContain('Harbour authority tide tables');
  });

  it("ends a teaser heading's section where the story's own matter resumes after its links", () => {
    const { text } = cleaned(
      '<h3>Related resources</h3><p><a href="/a">Ferry timetable changes for the winter</a></p>' +
        '<p><a href="/b">Quay works: what the council decided</a></p>' +
        '<p>Here is the full data table for all twelve ferry routes.</p>' +
        '<table><tr><th>Route</th><th>Crossings</th></tr><tr><td>North quay</td><td>14</td></tr></table>',
    );
    expect(text).not.toContain('Ferry timetable');
    expect(text).not.toContain('Quay works');
    expect(text).toContain('full data table');
    expect(text).toContain('North quay');
    // Right under the heading, a paragraph without links is the box's own blurb: it goes with it.
    const promo = cleaned(
      '<h2>More from the Harbour Trust</h2><p>The Harbour Trust is a charity that has looked after the old quay since 1962.</p>' +
        '<ul><li><a href="/join">Join</a> the trust</li><li><a href="/give">Give</a> to the restoration</li></ul>',
    );
    expect(promo.text).not.toContain('looked after the old quay');
    expect(promo.text).not.toContain('restoration');
  });

  it('drops a reader-funding appeal under its heading, keeps a story that says who funded it', () => {
    const { text } = cleaned(
      '<h3>This story is funded by readers like you</h3><p>Our non-profit newsroom provides climate coverage ' +
        'free of charge. Your one-off or monthly donations keep us independent.</p>',
    );
    expect(text).not.toContain('funded by readers');
    expect(text).not.toContain('donations keep us');
    const kept = cleaned(
      '<p>This study was funded by readers of the journal, its authors said in March.</p>',
    );
    expect(kept.text).toContain('funded by readers of the journal');
  });

  it('keeps a section that happens to follow a furniture-like heading when it is the story', () => {
    const { text } = cleaned(`<h2>Comments</h2>${`<p>${LONG}more of the story.</p>`.repeat(6)}`, {
      before: 1,
    });
    expect(text).toContain('more of the story');
  });

  it('drops in-page tables of contents', () => {
    const { text } = cleaned(
      '<h2>Table of contents</h2><ul><li><a href="#a">Why</a></li><li><a href="#b">How</a></li><li><a href="#c">When</a></li></ul>',
      { before: 0, after: 3 },
    );
    expect(text).not.toContain('Table of contents');
    expect(text).not.toMatch(/\bWhy\b/);
  });

  it('drops empty elements and figures that lost their image, keeps real figures', () => {
    const { root } = cleaned(
      '<div><span></span></div><figure><figcaption>Orphan caption</figcaption></figure>' +
        '<figure><img src="https://x.example/a.jpg"><figcaption>Kept caption</figcaption></figure>',
      { after: 1 },
    );
    expect(root.textContent).not.toContain('Orphan caption');
    expect(root.textContent).toContain('Kept caption');
    expect(root.querySelectorAll('figure')).toHaveLength(1);
    expect(root.querySelector('div > span:empty')).toBeNull();
  });

  it('drops blocks of invisible characters and icon-font glyphs, keeps text that holds them', () => {
    const { root } = cleaned(
      '<p>\u200d</p><p>\u200b\u200b </p><div>\ufeff</div><h2>\u00ad</h2>' +
        '<p><a href="/x"><i>\uf099</i></a></p><p>Follow us <span>\uf099</span> today for the next part of the story.</p>' +
        '<p>\u200d<em>We sat down with two audio experts.</em></p><p>Zero<span>\u200b</span>width stays.</p>' +
        '<p>\u200d<img src="https://x.example/a.jpg" alt="A photo"></p>',
      { after: 1 },
    );
    const blocks = Array.from(root.querySelectorAll('p, div, h2'));
    // Every block left has something to show: a letter or a picture.
    for (const b of blocks) expect(/\p{L}/u.test(b.textContent ?? '') || !!b.querySelector('img')).toBe(true);
    expect(root.querySelectorAll('p')).toHaveLength(4 + 4);
    expect(root.textContent).not.toMatch(/[\ue000-\uf8ff]/);
    expect(root.textContent).toContain('We sat down with two audio experts.');
    expect(root.innerHTML).toContain('Zero<span>\u200b</span>width stays.');
    expect(root.querySelector('img[alt="A photo"]')).not.toBeNull();
  });

  it('drops a heading left last once the box it introduced is gone, keeps headings inside the story', () => {
    const { root, text } = cleaned(
      '<h2>How the vote went</h2><p>Seven councillors voted for the Sunday hours and two against them.</p>' +
        '<div><h3>Useful resources</h3><ul><li><a href="/a">Ferry changes</a></li><li><a href="/b">Quay works</a></li></ul></div>' +
        '<h4>Sources</h4>',
    );
    expect(text).toContain('How the vote went');
    expect(text).not.toContain('Useful resources');
    expect(text).not.toContain('Sources');
    expect(root.lastElementChild?.textContent).toContain('two against them');
  });

  it('drops a paragraph naming furniture left last, whatever the cleanup took after it', () => {
    // The last steps see only what is left: "Related" whose card went (xda-developers).
    const last = (line: string) => {
      const root = story(
        `<div><picture><img src="https://x.example/t.jpg" alt="A teaser"></picture>${line}</div>`,
      );
      removeTrailingHeadings(root);
      return articleText(root);
    };
    expect(last('<p><span>Related</span></p>')).not.toContain('Related');
    expect(last('<p>ALSO IN THE NEWS</p>')).not.toContain('ALSO IN THE NEWS');
    expect(last('<p>Related reading helps.</p>')).toContain('Related reading helps.');
  });

  it('keeps the space an empty inline element stood for', () => {
    const { text } = cleaned('<p>libertés<span> </span>(CNIL) critique la loi.</p>');
    expect(text).toContain('libertés (CNIL)');
  });

  it('keeps a heading that sorts a list ("By Functionality") and a line break inside an inline element', () => {
    const { root, text } = cleaned(
      '<h3><b>By Functionality</b></h3><ol><li><b>Social Media Apps</b><b><br></b><span>Focus on connecting users.</span></li></ol>' +
        '<h3><b>By Audience</b></h3><p>Apps for consumers and for businesses.</p>',
    );
    expect(text).toContain('By Functionality');
    expect(text).toContain('By Audience');
    expect(root.querySelector('li')?.innerHTML).toBe(
      '<b>Social Media Apps</b><br><span>Focus on connecting users.</span>',
    );
  });

  it('drops a trailing list of links and its heading inside a <main> wrapper', () => {
    const root = story(
      '<main class="site-main"><h2>More Japan Travel Guides</h2><ul><li><a href="/1">Three days in Tottori</a></li><li><a href="/2">Koyasan guide</a></li></ul></main>',
    );
    postClean(root);
    const text = articleText(root);
    expect(text).not.toMatch(/Tottori|Koyasan|More Japan/);
    expect(text).toContain('paragraph 2 of the story');
  });

  it('drops trailing link lists', () => {
    const { text } = cleaned(
      '<ul><li><a href="/1">One teaser</a></li><li><a href="/2">Two teaser</a></li></ul>',
    );
    expect(text).not.toContain('teaser');
  });

  it("drops a link list the author line stood after, and the label that introduced it (Mozilla's yahoo-1 page)", () => {
    const { text } = cleaned(
      '<p><em><strong>More games news:</strong></em></p><ul><li><a href="/1">One teaser</a></li><li><a href="/2">Two teaser</a></li></ul>' +
        '<p><i>Ben Silverman is on Twitter at</i> <a href="https://twitter.com/ben_silverman"><i>ben_silverman</i></a><i>.</i></p>',
      {},
      { byline: 'Ben Silverman' },
    );
    expect(text).not.toMatch(/teaser|More games news|on Twitter/);
    expect(text).toMatch(/paragraph 2 of the story, with enough words to read as real text\.$/);
  });

  it('keeps a last line ending in a colon that introduced nothing the cleanup took (a story cut by a paywall)', () => {
    const { text } = cleaned('<p>Here’s the system prompt you can copy and paste:</p>');
    expect(text).toMatch(/copy and paste:$/);
  });

  it('keeps blockquotes, lists, tables and code', () => {
    const { root } = cleaned(
      '<blockquote><p>A quoted line from the mayor.</p></blockquote><ul><li>First point of the list</li><li>Second point</li></ul>' +
        '<table><tr><td>1911</td><td>Opened</td></tr></table><pre><code>x = 1</code></pre>',
      { after: 1 },
    );
    expect(root.querySelector('blockquote')).not.toBeNull();
    expect(root.querySelectorAll('li')).toHaveLength(2);
    expect(root.querySelector('table td')?.textContent).toBe('1911');
    expect(root.querySelector('pre code')?.textContent).toBe('x = 1');
  });

  it('drops date and byline lines at the edges of the story but not inside it', () => {
    const long = (n: number) => `<p>${LONG}paragraph ${n}.</p>`;
    const root = parse(
      `<div id="root"><p>By Jane Doe</p><p>March 5, 2024</p>${long(1)}${long(2)}<p>March 7, 2024</p>${long(3)}</div>`,
    ).getElementById('root')!;
    postClean(root, { byline: 'Jane Doe' });
    const text = articleText(root);
    expect(text).not.toContain('By Jane Doe');
    expect(text).not.toContain('March 5, 2024');
    expect(text).toContain('March 7, 2024');
  });

  it("drops the one date line between the standfirst and the story, never a timeline's dates", () => {
    const long = (n: number) => `<p>${LONG}paragraph ${n}.</p>`;
    const page = (between: string, later = '') =>
      parse(
        `<div id="root">${long(0)}<figure><img src="a.jpg"><figcaption>Runners at dawn. (Photo: Getty Images)</figcaption></figure>${between}${long(1)}${long(2)}${later}${long(3)}</div>`,
      ).getElementById('root')!;
    const dated = page('<p>Published June 23, 2025 10:39AM</p>');
    postClean(dated);
    expect(articleText(dated)).not.toContain('Published June 23');
    expect(articleText(dated)).toContain('paragraph 1.');
    const timeline = page('<p>June 23, 2025</p>', '<p>June 30, 2025</p>');
    postClean(timeline);
    expect(articleText(timeline)).toContain('June 23, 2025');
    expect(articleText(timeline)).toContain('June 30, 2025');
  });

  it("drops a date line in the story's header, after a long standfirst and the lead photo", () => {
    // The New York Times (Mozilla's nytimes-3 and nytimes-4 pages): standfirst, photo, then the date.
    const long = (n: number) => `<p>${LONG}paragraph ${n}.</p>`;
    const root = parse(
      `<div id="root"><header>${long(0)}<figure><img src="a.jpg" alt=""><figcaption>The pier at dawn.</figcaption></figure><p>Feb. 21, 2019</p></header>${long(1)}${long(2)}<p>March 7, 2024</p>${long(3)}</div>`,
    ).getElementById('root')!;
    postClean(root);
    const text = articleText(root);
    expect(text).not.toContain('Feb. 21, 2019');
    expect(text).toContain('paragraph 0');
    expect(text).toContain('March 7, 2024');
  });

  it('drops a byline line below a lead photo whose caption sits in a box of its own, and says whose it is', () => {
    // bssnews: the photo and a long caption in a div of their own (Readability turns both into
    // paragraphs), then "By Md Aynal Haque". The caption is not where the story starts.
    const long = (n: number) => `<p>${LONG}paragraph ${n}.</p>`;
    const caption =
      'Homestead gardening boosts food security, incomes and livelihoods across the drought-prone Barind tract region. Photo : BSS';
    const root = parse(
      `<div id="root"><div><p><img src="a.jpg" alt=""></p><p>${caption}</p></div><p>By <strong>Md Aynal Haque</strong></p>${long(1)}${long(2)}<p>By Someone Else</p>${long(3)}</div>`,
    ).getElementById('root')!;
    const seen: { byline?: string } = {};
    postClean(root, { seen });
    const text = articleText(root);
    expect(text).not.toContain('Md Aynal Haque');
    expect(text).toContain(caption);
    expect(seen.byline).toBe('Md Aynal Haque');
    // Inside the story a "By …" line is the story's own text.
    expect(text).toContain('By Someone Else');
  });

  it('reads a byline line that ends in a date ("by ALLIN ONE on Jan 22, 2025"), and never takes a closing one for the author', () => {
    const long = (n: number) => `<p>${LONG}paragraph ${n}.</p>`;
    const page = (lead: string, tail: string) =>
      parse(`<div id="root">${lead}${long(1)}${long(2)}${tail}</div>`).getElementById('root')!;
    let seen: { byline?: string } = {};
    let root = page('<p>by <span>ALLIN ONE</span> on <span>Jan 22, 2025</span></p>', '');
    postClean(root, { seen });
    expect(articleText(root)).not.toContain('ALLIN ONE');
    expect(seen.byline).toBe('ALLIN ONE');
    // After the story: dropped (a blog's "Posted by … at …" footer), but not the story's author.
    seen = {};
    root = page('', '<p>Posted by David at December 16, 2025 11:15 AM</p>');
    postClean(root, { seen });
    expect(articleText(root)).not.toContain('Posted by David');
    expect(seen.byline).toBeUndefined();
    // A name that is not one: the line stays.
    root = page('<p>By the river, on March 3, 2025</p>', '');
    postClean(root, { seen });
    expect(articleText(root)).toContain('By the river');
  });

  it('shows a "By …" line above the story as the byline when the page names no author, and keeps a named one', () => {
    const body = `<p>By Md Aynal Haque</p><p>${LONG}one.</p><p>${LONG}two.</p><p>${LONG}three.</p>`;
    const html = (head: string) =>
      `<html><head><title>Gardens feed a region</title>${head}</head><body><main><h1>Gardens feed a region</h1>${body}</main></body></html>`;
    const plain = extractArticle(parse(html('')));
    expect(plain?.meta.byline).toBe('Md Aynal Haque');
    expect(articleText(plain!.body)).not.toContain('By Md Aynal Haque');
    const named = extractArticle(parse(html('<meta name="author" content="Rafiq Islam">')));
    expect(named?.meta.byline).toBe('Rafiq Islam');
  });

  it("drops the section's link above the story (the site's kicker), never a breadcrumb's crumb or a link elsewhere (mises.org)", () => {
    const url = 'https://mises.org/friday-philosophy/nagel-reason';
    const story = `<p>${LONG}one.</p><p>${LONG}two.</p><p><a href="/friday-philosophy">Friday Philosophy</a></p>`;
    /** The text of each block left, in order. */
    const clean = (top: string) => {
      const root = parse(`<div id="root">${top}${story}</div>`).getElementById('root')!;
      postClean(root, { url });
      return Array.from(root.children).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
    };
    const kicker = clean(
      '<section><a href="https://mises.org/friday-philosophy">Friday Philosophy</a></section>',
    );
    expect(kicker[0]).toContain('one.');
    // The same link after the story's first paragraph is the story's.
    expect(kicker.at(-1)).toBe('Friday Philosophy');
    expect(clean('<p><a href="/">Home</a> <a href="/friday-philosophy">Friday Philosophy</a></p>')[0]).toBe(
      'Home Friday Philosophy',
    );
    expect(clean('<p><a href="/austrian-economics">Austrian Economics</a></p>')[0]).toBe(
      'Austrian Economics',
    );
  });

  it("drops the byline's line with the writer's affiliation above the story, never a sentence that starts with it", () => {
    const story = `<p>${LONG}one.</p><p>${LONG}two.</p>`;
    const line = parse(
      `<div id="root"><p>Shelia R. Cotten, Clemson University</p>${story}</div>`,
    ).getElementById('root')!;
    postClean(line, { byline: 'Shelia R. Cotten' });
    expect(line.textContent).not.toContain('Clemson University');
    // A standfirst whose subject is the writer: an inline element, not a line of its own.
    const standfirst = parse(
      `<div id="root"><p><em><a href="/podcast">Rahul Tyagi, CEO of SECQAI</a></em> <em>delves into the risks of connected appliances</em></p>${story}</div>`,
    ).getElementById('root')!;
    postClean(standfirst, { byline: 'Rahul Tyagi' });
    expect(standfirst.textContent).toContain('Rahul Tyagi, CEO of SECQAI');
    // A sentence after the name is no affiliation.
    const sentence = parse(
      `<div id="root"><p>Shelia R. Cotten, Clemson University sociologist, studies how phones shape sleep</p>${story}</div>`,
    ).getElementById('root')!;
    postClean(sentence, { byline: 'Shelia R. Cotten' });
    expect(sentence.textContent).toContain('studies how phones shape sleep');
  });

  it('drops <time> elements standing alone beside a photo in the story\u2019s header, not a date inside a sentence', () => {
    // Mozilla's breitbart page: "22 Dec, 2016 22 Dec, 2016" above the story.
    const long = (n: number) => `<p>${LONG}paragraph ${n}.</p>`;
    const root = parse(
      `<div id="root"><header><figure><img src="a.jpg"><figcaption>Supporters at a rally.</figcaption></figure> <time datetime="2016-12-22">22 Dec, 2016</time> <time datetime="2016-12-22T18:59">22 Dec, 2016</time></header>${long(1)}${long(2)}<p>The vote on <time>March 7, 2024</time> was close.</p>${long(3)}</div>`,
    ).getElementById('root')!;
    postClean(root);
    const text = articleText(root);
    expect(text).not.toContain('22 Dec, 2016');
    expect(text).toContain('The vote on March 7, 2024 was close.');
    expect(root.querySelector('figcaption')).not.toBeNull();
  });

  it("keeps a story paragraph that starts with the photo set into it, whatever the photo's credit says (Mozilla's msn page)", () => {
    // The first paragraph holds the lead photo, its credit "© Provided by …" and its caption, then the
    // story's first sentences: read as one text, it began like a copyright line and went as one.
    const root = story(
      '<p><span class="storyimage"><span class="image"><img src="mario.jpg" alt=""></span><span class="caption"><span class="attribution">© Provided by Business Insider Inc</span> <span>Nintendo/Apple</span></span></span> Nintendo and Apple shocked the world earlier this year by announcing a mobile game, the company\'s first. It is a game you can play on your phone with one hand.</p><p>© 2024 Example Media. All rights reserved.</p>',
      { before: 0, after: 3 },
    );
    postClean(root);
    const text = articleText(root);
    expect(text).toContain('Nintendo and Apple shocked the world');
    expect(root.querySelector('img')).not.toBeNull();
    // A copyright line of its own still goes.
    expect(text).not.toContain('All rights reserved');
  });

  it('drops a copy of the headline at the top, not a heading inside the story', () => {
    const root = parse(
      `<div id="root"><h1>Library stays open</h1><p>${LONG}one.</p><h2>Library stays open</h2><p>${LONG}two.</p></div>`,
    ).getElementById('root')!;
    postClean(root, { title: 'Library stays open' });
    expect(root.querySelector('h1')).toBeNull();
    expect(root.querySelector('h2')).not.toBeNull();
  });

  it('drops a copy of the headline at any heading level, after an empty paragraph a template left (bssnews.net)', () => {
    const root = parse(
      `<div id="root"><div><p></p><h4>Gardens feed a region</h4><p></p></div><figure><img src="a.jpg"><figcaption>Rooftop beds.</figcaption></figure><p>${LONG}one.</p><h4>Gardens feed a region</h4><p>${LONG}two.</p></div>`,
    ).getElementById('root')!;
    postClean(root, { title: 'Gardens feed a region' });
    const heads = root.querySelectorAll('h4');
    expect(heads).toHaveLength(1);
    // The one left is the story's own, after its first paragraph.
    expect(heads[0].previousElementSibling?.textContent).toContain('one.');
  });
});

describe('articleText', () => {
  it('separates blocks with blank lines and collapses whitespace inside them', () => {
    const d = parse(
      '<div><h2>Heading</h2><p>First   paragraph\n  across lines.</p><ul><li>One</li><li>Two</li></ul>' +
        '<blockquote>Quoted</blockquote><figure><img src="a.jpg" alt="ignored"><figcaption>Caption</figcaption></figure>' +
        '<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table><p>Line<br>break</p></div>',
    );
    expect(articleText(d.querySelector('div')!)).toBe(
      'Heading\n\nFirst paragraph across lines.\n\nOne\n\nTwo\n\nQuoted\n\nCaption\n\nA | B\n\n1 | 2\n\nLine\nbreak',
    );
  });

  it('keeps preformatted text as it is', () => {
    const d = parse('<div><p>Code:</p><pre>  indented\n    more</pre></div>');
    expect(articleText(d.querySelector('div')!)).toBe('Code:\n\n  indented\n    more');
  });

  it('skips scripts, styles and templates', () => {
    const d = parse(
      '<div><p>Shown</p><script>var hidden = 1;</script><style>p{}</style><template>x</template></div>',
    );
    expect(articleText(d.querySelector('div')!)).toBe('Shown');
  });
});

describe('extractArticle on a page full of furniture', () => {
  const url = 'https://gazette.example/news/2024/bridge-reopens';
  const doc = parse(fixture('extract/boilerplate-story.html'), url);
  const before = doc.documentElement.outerHTML;
  const ex = extractArticle(doc, { url });
  if (!ex) throw new Error('no extraction');
  const text = articleText(ex.body);

  it('does not touch the caller’s document', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(ex.body.ownerDocument).not.toBe(doc);
  });

  it('keeps the story with its quote, list, table, code and figure', () => {
    for (const kept of [
      'two years after engineers closed it',
      'the bridge will outlive all of us',
      'It is the slowest repair I have ever seen',
      'Buses: from May',
      '1911 | Bridge opens',
      'sensor_interval = 15 minutes',
      'Shopkeepers on both ends',
      'Residents walked across the bridge',
    ]) {
      expect(text).toContain(kept);
    }
  });

  it('drops the furniture', () => {
    for (const gone of [
      'Skip to',
      'Accessibility links',
      'Facebook',
      'Advertisement',
      'Quarry reopens',
      'morning newsletter',
      'About the author',
      'Related stories',
      'Ferry timetable',
      'Most read',
      'We use cookies',
      'Hidden draft',
      'By Mara Quist',
    ]) {
      expect(text).not.toContain(gone);
    }
    expect(text).not.toMatch(/\bXS\b/);
  });

  it('fixes the lazy image and makes URLs absolute', () => {
    const img = ex.body.querySelector('figure img');
    expect(img?.getAttribute('src')).toBe('https://gazette.example/images/bridge-crowd.jpg');
    for (const a of Array.from(ex.body.querySelectorAll('a[href]'))) {
      expect(a.getAttribute('href')).toMatch(/^(https?:|mailto:|#)/);
    }
  });

  it('reads the metadata', () => {
    expect(ex.meta.title).toBe('Harbour bridge reopens after two-year repair');
    expect(ex.meta.siteName).toBe('The Coastal Gazette');
    expect(ex.meta.byline).toBe('Mara Quist');
    expect(ex.meta.lang).toBe('en-GB');
    expect(ex.meta.publishedTime).toBe('2024-03-05T09:30:00.000+01:00');
    expect(ex.meta.leadImage).toBe('https://gazette.example/images/bridge-lead.jpg');
    expect(ex.meta.readingMinutes).toBe(1);
  });
});

describe('extractArticle when Readability keeps one section of a long story', () => {
  const url = 'https://blog.example/progress-report';
  const html = fixture('extract/sections.html');

  it('is a real case: bare Readability keeps only the longest section', () => {
    const bare = new Readability(parse(html, url)).parse()?.textContent ?? '';
    expect(bare).toContain('Change 11');
    expect(bare).not.toContain('What the tool does');
  });

  it('takes the declared story container instead, cleaned', () => {
    const ex = extractArticle(parse(html, url), { url });
    const text = ex ? articleText(ex.body) : '';
    for (const kept of [
      'What the tool does',
      'translates the intermediate representation',
      'Change 11',
      'Next steps',
    ]) {
      expect(text).toContain(kept);
    }
    expect(text).not.toContain('Footer text');
    expect(text).not.toContain('Progress report: the new compiler backend'); // the headline is metadata
  });
});

describe('extractArticle when the declared container holds teasers beside the story', () => {
  // Mozilla's yahoo-3 page: the main column holds the story between streams of teaser cards (a
  // linked headline, a summary, a source), whose summaries read as prose.
  const para = (i: number) =>
    `<p>Vanessa Hicks, a photographer and Navy veteran, said on Tuesday that paragraph ${i} of her account, which she posted after the photo drew criticism online, was meant to honor the service of military families.</p>`;
  const card = (i: number) =>
    `<li class="stream-item"><a href="/other-story-${i}.html"><img src="t${i}.jpg" alt=""></a><div><h3><a href="/other-story-${i}.html">Another headline number ${i} about a different story</a></h3><p>Summary of another story ${i}: officials said on Monday that the plan, which critics called rushed, would go ahead as planned next year after all.</p><span>Good Morning America</span></div></li>`;
  const cards = (from: number, n: number) => Array.from({ length: n }, (_, i) => card(from + i)).join('');
  const html = `<!doctype html><html><head><title>Veteran wraps baby in flag</title></head><body><div role="main"><ul>${cards(0, 4)}</ul><div class="body">${Array.from({ length: 6 }, (_, i) => para(i)).join('')}</div><h2>Recommended for You</h2><ul>${cards(10, 24)}</ul></div></body></html>`;
  const url = 'https://gma.example.com/veteran-wraps-baby-flag-175203890.html';

  it('is a real case: bare Readability keeps the story alone, while the container holds far more text', () => {
    const bare = new Readability(parse(html, url)).parse()?.textContent ?? '';
    expect(bare).toContain('paragraph 5');
    expect(bare).not.toContain('Summary of another story');
  });

  it("keeps Readability's story: teaser summaries do not count as the story Readability missed", () => {
    const ex = extractArticle(parse(html, url), { url });
    const text = ex ? articleText(ex.body) : '';
    expect(text).toContain('paragraph 0 of her account');
    expect(text).toContain('paragraph 5 of her account');
    expect(text).not.toContain('Summary of another story');
  });
});

describe('extractArticle edge cases', () => {
  it('returns null when there is no story', () => {
    expect(extractArticle(parse('<html><body><nav><a href="/">Home</a></nav></body></html>'))).toBeNull();
    expect(extractArticle(parse('<html><body><p>Too short to be a story.</p></body></html>'))).toBeNull();
  });

  it('resolves relative URLs against opts.url when the document has no URL of its own', () => {
    const html = `<html><body><article>${`<p>${LONG}<a href="/more">link</a></p>`.repeat(4)}<img src="pic.jpg"></article></body></html>`;
    const doc = new JSDOM(html).window.document;
    const ex = extractArticle(doc, { url: 'https://site.example/a/b.html' });
    expect(ex?.body.querySelector('a')?.getAttribute('href')).toBe('https://site.example/more');
    expect(ex?.body.querySelector('img')?.getAttribute('src')).toBe('https://site.example/a/pic.jpg');
  });
});

describe('regression pages from Readability’s test suite', () => {
  interface Expected {
    title: string;
    byline: string | null;
    dir: string | null;
    lang?: string;
  }
  const pages: Array<{ name: string; title?: string; byline?: string; keep: string[]; drop: string[] }> = [
    {
      name: 'ars-1',
      keep: [
        'A flaw in the wildly popular online game Minecraft makes it easy for just about anyone to crash the server',
        'Ars is asking Mojang for comment and will update this post if company officials respond.',
      ],
      drop: [
        'Skip to main content',
        'Sign up or login to join the discussions!',
        'Front page layout',
        'reader comments',
      ],
    },
    {
      name: 'heise',
      keep: ['Das in der iOS-Version bereits enthaltene TOTP-Feature ist nun auch für OS X 10.10 verfügbar.'],
      drop: ['Kommentare lesen', 'Datenschutzhinweis'],
    },
    {
      name: 'herald-sun-1',
      // Readability's "JOE HILDEBRAND" is another story's teaser; the page's <meta name="article:author">
      // and its last line ("LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR") name the author.
      byline: 'Laurie Oakes',
      keep: ['A HIGH-powered federal government team has been doing the rounds of media organisations'],
      drop: ['Breaking News', 'Barefoot Investor', 'Real Estate'],
    },
    {
      name: 'lemonde-1',
      keep: [
        'Les députés ont, sans surprise, adopté à une large majorité',
        'Commission nationale informatique et libertés (CNIL)',
      ],
      drop: ['Abonnez-vous', 'Newsletter'],
    },
    { name: 'rtl-1', keep: ['Lorem ipsum dolor sit amet, consectetur adipisicing elit'], drop: [] },
    {
      name: 'social-buttons',
      keep: ['Excepteur sint occaecat cupidatat non'],
      drop: ['Like this:', 'Loading...'],
    },
  ];

  for (const page of pages) {
    describe(page.name, () => {
      const dir = join(FIXTURES, 'readability', page.name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as Expected;
      const doc = parse(readFileSync(join(dir, 'source.html'), 'utf8'), 'http://fakehost/test/page.html');
      const ex = extractArticle(doc, { url: 'http://fakehost/test/page.html' });
      if (!ex) throw new Error(`no extraction for ${page.name}`);
      const text = articleText(ex.body);

      it('reads title, byline, language and direction', () => {
        expect(ex.meta.title).toBe(expected.title);
        expect(ex.meta.byline).toBe(page.byline ?? expected.byline);
        expect(ex.meta.lang?.toLowerCase() ?? null).toBe(expected.lang?.toLowerCase() ?? null);
        expect(ex.meta.dir).toBe(expected.dir);
      });

      it('keeps the key sentences and drops the known boilerplate', () => {
        for (const s of page.keep) expect(text).toContain(s);
        for (const s of page.drop) expect(text).not.toContain(s);
      });
    });
  }
});

describe('precision rules: furniture the human truth leaves out', () => {
  it.each([
    ['article-cta', 'promo'],
    ['promoBox', 'promo'],
    ['post-disclaimer', 'legal'],
    ['site-copyright', 'legal'],
    ['widget republication_tracker_tool', 'legal'],
    ['republication-tracker-tool-button modal', 'legal'],
    ['entry-date', 'meta'],
    ['article-byline', 'meta'],
    ['swiper-slide', 'carousel'],
    ['video-js vjs-paused', 'player'],
    ['vjs-control-bar', 'player'],
    ['jw-controlbar', 'player'],
    ['yvp-settings-quality', 'player'],
  ])('"%s" names %s furniture', (cls, kind) => {
    expect(boilerplateKind(parse(`<div class="${cls}"></div>`).querySelector('div')!)).toBe(kind);
  });

  // CSS modules end their class names in hashes ("styles-tooltip-oq0-jw", "prose-prose-2za-jw"):
  // a player library's prefix counts only where a class name starts.
  it.each([
    'paralegal-help',
    'update-notes',
    'candidate',
    'promotional-video-transcript',
    'slideshow',
    'styles_tooltip__oq0-jw',
    'prose-prose-2za-jw',
    'jw',
    'video-review',
    'republican-convention',
  ])('"%s" names nothing of the new kinds', (cls) => {
    const kind = boilerplateKind(parse(`<div class="${cls}"></div>`).querySelector('div')!);
    expect(['promo', 'legal', 'meta', 'carousel', 'player']).not.toContain(kind);
  });

  it("drops a video player's buttons and menus (the reader shows no video)", () => {
    const para = (i: number) =>
      `<p>The harbour board met on Tuesday to decide the future of the old ferry pier, paragraph ${i}, after a winter of storms left it closed.</p>`;
    const player =
      '<div class="video-js vjs-paused"><div class="vjs-control-bar"><button class="vjs-play-control"><span class="vjs-control-text">Play Video</span></button>' +
      '<div class="vjs-duration"><span class="vjs-control-text">Duration Time</span> 0:00</div></div></div>';
    const d = parse(
      `<body><article><h1>Pier to close</h1>${para(1)}${player}${para(2)}${para(3)}</article></body>`,
    );
    const ex = extractArticle(d, { url: 'https://news.example.com/2024/pier' })!;
    const text = articleText(ex.body);
    expect(text).toContain('paragraph 3');
    expect(text).not.toContain('Play Video');
    expect(text).not.toContain('Duration Time');
  });

  it('leaves promo boxes and sliders to the cleanup after Readability, drops legal notices before it', () => {
    const d = parse(
      '<body><div class="article-cta"><p>Plan your visit</p></div><div class="swiper"><a href="/a">One</a><a href="/b">Two</a></div><div class="post-disclaimer"><p>Views are our own.</p></div></body>',
    );
    preClean(d);
    expect(d.querySelector('.article-cta')).not.toBeNull();
    expect(d.querySelector('.swiper')).not.toBeNull();
    expect(d.querySelector('.post-disclaimer')).toBeNull();
  });

  it.each([
    'Photo credit: Harbour Archive',
    'Image by Studio Brown via One Fab Day',
    'Courtesy of the brand',
    'Credit: Reviewed / Timothy Renzi',
    'Getty Images / Holger Leue',
    'REUTERS/Omar Sanadiki/File',
    'DGLimages via Getty Images',
    'Jane Doe / AFP',
    "Love movies? Live for TV? USA TODAY's Watch Party newsletter has all the best recommendations, delivered right to your inbox. Sign up now and be one of the cool kids.",
    'Sign up now to get the freshest updates on language learning and exclusive app deals delivered straight to your inbox!',
    'Some of the links in this article are affiliate ones. This means that if you click through them to make a purchase, we may earn a small commission at no additional cost to you.',
    '(By using the affiliate links and/or codes in this blog post it supports the studio. We may get a small kick back by you doing so.)',
    'Last updated: January 12, 2026. If you find this helpful and buy through my links, I may receive a small commission.',
    'Start your free trial of Splashtop Secure Workspace',
    'Book a demo with Otter',
    'Sign up for a FREE trial with us today',
    'Check price on Amazon',
    '➡️ Check current price',
    'See more reviews',
    'Book a demo',
    '$1,599.00 from Harbour Books',
    'By',
    'Edited by',
    '© 2024 The Coastal Gazette. All rights reserved.',
    'Copyright 2023 NPR. Visit our website terms of use for further information.',
    '(Visited 1,902 times, 364 visits today)',
    'No posts',
    'Reading Time: 8 minutes',
    '3 MIN. READ',
    'toggle caption',
    '1,693 views',
    'Sofia Health » Price Guides » Meditation Class Cost',
  ])('"%s" is boilerplate', (text) => {
    expect(isBoilerplateText(text)).toBe(true);
  });

  it.each([
    'Courtesy of a grant from the county arts fund, the library will extend its evening hours on Thursdays until nine.',
    'Learn more about the new hours at the front desk, where staff hand out printed timetables.',
    'Copyright law was at the heart of the case, the judge said on Monday.',
    'By the end of the meeting the council had agreed to keep the library open.',
    '(c) the tenant shall keep the premises in good repair.',
    'Photographs of the harbour taken in 1911 show the bridge before its first repair, with the old ferry moored beside it.',
    'AP/NORC poll shows most residents want the library open',
    'The footage was shared via Reuters',
    'Images from the telescope show a galaxy forming',
    'Her newsletter has ten thousand readers, and more sign up every week.',
    'The newsletter launched in May. Subscribers said they liked the format.',
    'Amazon cut the commission its affiliates earn on furniture and groceries, and some sites said they would earn a smaller share.',
    'Start your day with a walk along the harbour.',
    '“I make a small commission on every sale,” the bookseller said.',
    'As freelancers, we earn a small fee for each article, and the rates have not moved in a decade.',
    "The city's new garden waste collection comes at no extra cost to you, the council said.",
  ])('"%s" is story text', (text) => {
    expect(isBoilerplateText(text)).toBe(false);
  });

  it('drops a credit line such as "Image from …" right under a photo, and keeps the same words elsewhere', () => {
    const credit = 'Image from the March 2024 review of the reading room.';
    const under = cleaned(`<p><img src="room.jpg" alt=""></p><p>${credit}</p>`, { before: 1, after: 2 });
    expect(under.text).not.toContain('Image from');
    expect(under.root.querySelector('img[src="room.jpg"]')).not.toBeNull();
    const figure = cleaned(`<figure><img src="room.jpg" alt=""></figure><p>${credit}</p>`, {
      before: 1,
      after: 2,
    });
    expect(figure.text).not.toContain('Image from');
    const alone = cleaned(`<p>${credit}</p>`, { before: 1, after: 2 });
    expect(alone.text).toContain('Image from');
    const story = 'Images from the telescope show a galaxy forming.';
    expect(
      cleaned(`<p><img src="sky.jpg" alt=""></p><p>${story}</p>`, { before: 1, after: 2 }).text,
    ).toContain(story);
  });

  it('drops bylines with several names, a comma and credentials at the edges', () => {
    const { text } = cleaned(
      '<p>Written by Danielle Doe, Donna Roe, and Natalie Poe</p><p>Reviewed by: Brian Stone, CFP®</p>',
      { before: 0, after: 3 },
    );
    expect(text).not.toContain('Written by');
    expect(text).not.toContain('Reviewed by');
    expect(text).toContain('paragraph 2 of the story');
  });

  it('drops a "Table of contents" heading whose list is gone, keeps a "Topics" heading over prose', () => {
    const { text } = cleaned('<h2>Table of contents</h2>', { before: 0, after: 3 });
    expect(text).not.toContain('Table of contents');
    const kept = cleaned(`<h2>Topics</h2><p>${LONG}topics paragraph.</p>`, { before: 1, after: 2 });
    expect(kept.text).toContain('Topics');
  });

  const card = (path: string, title: string, host = '') =>
    `<div class="item"><h3><a href="${host}${path}">${title}</a></h3><p>A short excerpt of that other story.</p><p>Feb 2, 2024</p></div>`;
  const cards = (host = '', n = 3) =>
    `<div class="grid">${['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth']
      .slice(0, n)
      .map((nth, i) => card(`/${i}`, `${nth} other story`, host))
      .join('')}</div>`;
  const withUrl = (inner: string, opts: Parameters<typeof story>[1] = {}) => {
    const root = story(inner, opts);
    postClean(root, { url: 'https://news.example.com/2024/03/story.html' });
    return articleText(root);
  };

  it('drops teaser cards linking elsewhere on the site after the story', () => {
    const text = withUrl(cards());
    expect(text).not.toContain('other story');
    expect(text).not.toContain('Feb 2, 2024');
    expect(text).toContain('paragraph 2 of the story');
  });

  it('keeps linked cards when they outweigh the story (a roundup), link off-site, or come before more story', () => {
    expect(withUrl(cards('', 6), { before: 1 })).toContain('First other story');
    expect(withUrl(cards('https://shop.example.org'))).toContain('First other story');
    expect(withUrl(cards(), { before: 3, after: 2 })).toContain('First other story');
  });

  // searchlight.vc: "ALSO IN THE NEWS" over <article> cards whose linked titles Readability dropped,
  // leaving each card's section, author and an excerpt the site cut off mid-word.
  const cutCard = (lede: string) =>
    `<article><div><p>Front Page</p></div><p>Webmaster</p><p>${lede} of the Police Force said some pharmacie...</p></article>`;
  // One card of the page has no photo and its parts in one wrapper.
  const cutCards = `${['THE SALVATION ARMY', 'NICOLE HERBERT'].map(cutCard).join('')}<article><div><p>Front Page</p><p>TWO SENIOR OFFICERS of the Police Force said the voice note was sent fro...</p></div></article>`;

  it('drops cards of cut-off excerpts after the story, and the line that announced them', () => {
    const text = withUrl(`<div><p>ALSO IN THE NEWS</p></div><div>${cutCards}</div>`);
    expect(text).not.toContain('pharmacie');
    expect(text).not.toContain('Webmaster');
    expect(text).not.toContain('ALSO IN THE NEWS');
    expect(text).toContain('paragraph 2 of the story');
  });

  it('keeps cut-off excerpts that are fewer than three or come before more story, and paragraphs that trail off', () => {
    const two = ['ONE', 'TWO'].map(cutCard).join('');
    expect(withUrl(`<div>${two}</div>`)).toContain('pharmacie');
    expect(withUrl(`<div>${cutCards}</div>`, { after: 2 })).toContain('pharmacie');
    // A writer's paragraphs that trail off are no cards, even each in a wrapper of its own.
    const musing = ['So think of it like this…', 'Until next time…', 'Anyway, more soon...']
      .map((t) => `<div><p>${t}</p></div>`)
      .join('');
    expect(withUrl(musing)).toContain('Until next time');
  });

  it('keeps a bare linked heading of a listicle among the story paragraphs', () => {
    const text = withUrl(
      `<h3><a href="/a">First pick</a></h3><p>${LONG}pick one.</p><h3><a href="/b">Second pick</a></h3><p>${LONG}pick two.</p><h3><a href="/c">Third pick</a></h3>`,
    );
    expect(text).toContain('First pick');
    expect(text).toContain('Third pick');
  });

  it("drops the author's bio as the last paragraph", () => {
    const bio = '<p>Jane Doe is a reporter covering local government for the Gazette.</p>';
    expect(cleaned(bio, {}, { byline: 'By Jane Doe' }).text).not.toContain('is a reporter');
    expect(cleaned(bio).text).not.toContain('is a reporter');
  });

  it('keeps a last paragraph about someone else in the story', () => {
    const last =
      '<p>Jon Berg is a retired teacher who organised the petition, and he said he was delighted by the vote.</p>';
    expect(cleaned(last, {}, { byline: 'Jane Doe' }).text).toContain('Jon Berg is a retired teacher');
    expect(cleaned(last).text).toContain('Jon Berg is a retired teacher');
  });

  describe('on a page of its own', () => {
    const url = 'https://gazette.example/news/2024/library-sundays';
    const ex = extractArticle(parse(fixture('extract/precision-furniture.html'), url), { url });
    if (!ex) throw new Error('no extraction');
    const text = articleText(ex.body);

    it('keeps every story paragraph and the photo slider', () => {
      for (const kept of [
        'voted on Tuesday to keep the public library open',
        'Councillors said the savings',
        'Courtesy of a grant from the county arts fund',
        'Learn more about the new hours',
        'Jon Berg is a retired teacher',
        'reviewed again next spring',
      ]) {
        expect(text).toContain(kept);
      }
      expect(
        ex.body.querySelectorAll('img[src$="reading-room-1.jpg"], img[src$="reading-room-2.jpg"]'),
      ).toHaveLength(2);
      expect(ex.meta.byline).toBe('Mara Quist');
    });

    it('drops the furniture around it', () => {
      for (const gone of [
        'Edited by',
        'Reviewed by',
        'March 5, 2024',
        'Reading Time',
        'Table of contents',
        'Photo credit',
        'Plan your visit',
        'Check price',
        'Harbour Books',
        'views expressed by readers',
        'Visited 1,902 times',
        'is a reporter covering',
        'Harbour bridge reopens',
        'Ferry timetable',
        'School roof fixed',
        'All rights reserved',
      ]) {
        expect(text).not.toContain(gone);
      }
      expect(text).not.toMatch(/^By$/m);
    });
  });
});
