import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { tidyFigures } from '@/lib/clean-figures';
import { runPipeline } from '@/lib/pipeline';

function root(html: string): Element {
  return new JSDOM(`<div id="r">${html}</div>`).window.document.getElementById('r')!;
}

/** A story paragraph, numbered. */
const para = (i: number) =>
  `<p>The council voted on Tuesday to keep the library open on Sundays, paragraph ${i}, after a petition signed by two thousand residents reached the mayor.</p>`;

/** The pipeline's article for a story page whose <article> holds `body`. */
function story(body: string) {
  const doc = new JSDOM(
    `<html><head><title>Library stays open</title></head><body><article><h1>Library stays open</h1>${body}</article></body></html>`,
    { url: 'https://news.example.com/2024/05/library-stays-open' },
  ).window.document;
  const out = runPipeline(doc, { url: doc.URL, window: doc.defaultView as unknown as Window });
  if (!out.ok) throw new Error(out.error);
  return out.article;
}

// The New York Times' figure (Mozilla's nytimes-3 test page): a hidden "Image" label above the photo,
// and caption, hidden "Credit" labels and credit in spans without spaces between them.
const NYT = `<figure><div><span class="css-1dv1kvn">Image</span><img alt="" src="https://cdn.example.com/a.jpg"></div>
<figcaption><span class="css-8i9d0s">A worker repairing cables in Queens.</span><span itemprop="copyrightHolder"><span class="css-1ly73wi">Credit</span><span><span class="css-1dv1kvn">Credit</span><span>Chang W. Lee/The New York Times</span></span></span></figcaption></figure>`;

describe('figure labels and glued caption parts', () => {
  it('drops screen-reader labels and spaces the credit from the caption', () => {
    const r = root(NYT);
    expect(tidyFigures(r)).toBe(3);
    expect(r.querySelector('figcaption')!.textContent).toBe(
      'A worker repairing cables in Queens. Chang W. Lee/The New York Times',
    );
    expect(r.querySelector('figure')!.textContent).not.toMatch(/Image/);
    expect(r.querySelector('img')).not.toBeNull();
  });

  it('spaces a credit span glued to the caption (NBC: "…a focus.Erik Isakson / Getty Images")', () => {
    const r = root(
      '<figure><img src="a.jpg"><figcaption><span class="caption__container">Pilates snags the No. 1 spot.</span><span class="caption__source">Erik Isakson / Getty Images</span></figcaption></figure>',
    );
    tidyFigures(r);
    expect(r.querySelector('figcaption')!.textContent).toBe(
      'Pilates snags the No. 1 spot. Erik Isakson / Getty Images',
    );
  });

  it('leaves spaced, parenthesized and dashed parts, labels with more words, and text outside figures alone', () => {
    const html =
      '<figure><img src="a.jpg"><figcaption>Photo by <a href="/p">Ann Lee</a> (<span>Reuters</span>) —<span>file</span> <b>Credit:</b> AP</figcaption></figure>' +
      '<figure><img src="b.jpg"><figcaption><span>Photo: Ann Lee</span></figcaption></figure>' +
      '<figure><img src="c.jpg"><figcaption>Wei-An Jin/<span>Quanta Magazine</span></figcaption></figure>' +
      '<p><span>Image</span> rights are reserved.</p>';
    const r = root(html);
    expect(tidyFigures(r)).toBe(0);
    expect(r.innerHTML).toBe(html);
  });

  it('runs in the pipeline: the caption the reader shows and lists is spaced and label-free', () => {
    const article = story(`${para(1)}${para(2)}${NYT}${para(3)}${para(4)}`);
    expect(article.captions).toEqual([
      'A worker repairing cables in Queens. Chang W. Lee/The New York Times',
    ]);
    expect(article.text).not.toMatch(/\bImage\b|Credit/);
  });
});

describe('captions marked by class only', () => {
  const PHOTO =
    '<div class="image_container"><div><img src="https://cdn.example.com/class.jpg" alt=""></div></div>';

  it('makes the photo and a caption classed as one right after it a figure (searchlight.vc)', () => {
    const r = root(
      `${PHOTO}<div class="image_caption">STUDENTS in an information-sharing session</div><p>Story.</p>`,
    );
    tidyFigures(r);
    const figure = r.querySelector('figure');
    expect(figure?.querySelector('img')).not.toBeNull();
    expect(figure?.querySelector('figcaption')?.textContent).toBe(
      'STUDENTS in an information-sharing session',
    );
    expect(r.lastElementChild?.textContent).toBe('Story.');
  });

  it("keeps the caption's own element, and unwraps a lightbox button around the photo", () => {
    const r = root(
      '<button type="button"><img src="https://cdn.example.com/b.png" alt=""></button><div class="ArticleContent_imageBlock_caption__Auq"><p class="Text">Color Wheel by Clay</p></div>',
    );
    tidyFigures(r);
    expect(r.querySelector('button')).toBeNull();
    expect(r.querySelector('figure > div > img')).not.toBeNull();
    expect(r.querySelector('figcaption > div > p')?.textContent).toBe('Color Wheel by Clay');
  });

  it('leaves a caption widget, a long block, a caption after text, and one already in a figure', () => {
    const npr = `${PHOTO}<div class="credit-caption"><div class="caption-wrap"><div class="caption"><p>A study. <b class="credit">Getty Images</b> <b class="hide-caption">hide caption</b></p></div><b class="toggle-caption">toggle caption</b></div></div>`;
    const long = `${PHOTO}<div class="caption">${'A long story paragraph in a block named caption. '.repeat(10)}</div>`;
    const afterText =
      '<div><img src="a.jpg"> Photo of the day</div><div class="caption">The harbour at dawn.</div>';
    const inFigure =
      '<figure><div><img src="a.jpg"></div><div class="caption">The harbour at dawn.</div></figure>';
    for (const html of [npr, long, afterText, inFigure]) {
      const r = root(html);
      tidyFigures(r);
      expect(r.innerHTML).toBe(html);
    }
  });

  it('runs in the pipeline: WordPress captions in a list keep their photos through Readability', () => {
    // Mozilla's firefox-nightly-blog page: moving the caption's text out of its <p> made Readability
    // weigh the list item as a gallery and drop two of three photos.
    const wp = (i: number) =>
      `<li>Item ${i} of the changes, with words enough to be a line. <ul><li><div class="wp-caption aligncenter"><a href="https://news.example.com/files/${i}.png"><img src="https://news.example.com/files/${i}.png" alt=""></a><p class="wp-caption-text">Screenshot ${i} of the new page.</p></div></li></ul></li>`;
    const article = story(`${para(1)}${para(2)}<ul>${wp(1)}${wp(2)}${wp(3)}</ul>${para(3)}${para(4)}`);
    expect(article.content.querySelectorAll('figure img')).toHaveLength(3);
    expect(article.captions).toEqual([
      'Screenshot 1 of the new page.',
      'Screenshot 2 of the new page.',
      'Screenshot 3 of the new page.',
    ]);
  });
});

describe("a photo's wrapper named against it", () => {
  it('runs in the pipeline: a figure keeps a photo whose wrapper says "media" (Mozilla\'s simplyfound-1)', () => {
    const photo = (i: number) =>
      `<div class="media-container"><div class="image-wrapper"><div class="image"><img src="https://news.example.com/p/${i}.jpg" alt=""></div></div></div><div class="media-caption">Reading room ${i} - Image: City Library</div>`;
    const article = story(`${para(1)}${photo(1)}${para(2)}${para(3)}${photo(2)}${para(4)}`);
    expect(article.content.querySelectorAll('figure img')).toHaveLength(2);
    expect(article.captions).toEqual([
      'Reading room 1 - Image: City Library',
      'Reading room 2 - Image: City Library',
    ]);
  });

  it('leaves the class of a caption, and of a wrapper without a photo, alone', () => {
    const html =
      '<figure><div class="media-frame"><iframe src="https://video.example/1"></iframe></div><figcaption><div class="media-credit">AP</div></figcaption></figure>' +
      '<figure><div class="meta-box">Seen 3 times</div></figure>';
    const r = root(html);
    tidyFigures(r);
    expect(r.querySelector('figcaption div')?.getAttribute('class')).toBe('media-credit');
    expect(r.querySelector('.meta-box')).not.toBeNull();
  });
});
