import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { adoptOrphanSublists, drawSeparators, unfoldDetails } from '@/lib/clean-structure';

const root = (html: string) =>
  new JSDOM(`<div id="r">${html}</div>`).window.document.getElementById('r') as HTMLElement;

describe('unfoldDetails', () => {
  it('shows what a <details> hid, its summary as a bold line above', () => {
    const r = root(
      '<details class="faq"><summary>When can lorries cross?</summary><p>After the inspection.</p></details>' +
        '<details><summary><h3>Transcript</h3></summary><p>Hello.</p><details><summary>Inner</summary>Nested text</details></details>',
    );
    expect(unfoldDetails(r)).toBe(3);
    expect(r.querySelector('details, summary')).toBeNull();
    expect(r.innerHTML).toBe(
      '<div><p><strong>When can lorries cross?</strong></p><p>After the inspection.</p></div>' +
        '<div><div><h3>Transcript</h3></div><p>Hello.</p><div><p><strong>Inner</strong></p>Nested text</div></div>',
    );
  });
});

describe('adoptOrphanSublists', () => {
  it('moves a nested list that sits in an item of its own into the item before it', () => {
    const r = root(
      '<ul><li>Europe</li><li>South America:</li><li> <ul><li>Argentina</li><li>Chile</li></ul> </li><li>Asia</li></ul>',
    );
    expect(adoptOrphanSublists(r)).toBe(1);
    expect(r.innerHTML).toBe(
      '<ul><li>Europe</li><li>South America:<ul><li>Argentina</li><li>Chile</li></ul></li><li>Asia</li></ul>',
    );
  });

  it('leaves an item with words of its own, a first item, and an item with two children', () => {
    const html =
      '<ul><li><ol><li>First</li></ol></li><li>Note <ul><li>a</li></ul></li><li>x</li><li><ul><li>b</li></ul><p>c</p></li></ul>';
    const r = root(html);
    expect(adoptOrphanSublists(r)).toBe(0);
    expect(r.innerHTML).toBe(html);
  });
});

describe('drawSeparators', () => {
  it('draws a typed section break as a rule, and drops one with no story after or before it', () => {
    const r = root(
      '<p>___</p><p>First part of the story.</p><p>* * *</p><div><p>Second part.</p><p><b>-------------</b></p></div>' +
        '<p>AP writer Jo Ray contributed.</p><p>=====</p>',
    );
    expect(drawSeparators(r)).toBe(4);
    expect(r.innerHTML).toBe(
      '<p>First part of the story.</p><hr><div><p>Second part.</p><hr></div><p>AP writer Jo Ray contributed.</p>',
    );
  });

  it('leaves text with marks in it, a short dash and an ellipsis alone', () => {
    const html = '<p>A.</p><p>-- Jo</p><p>--</p><p>...</p><p>#1 – the start</p><p>* Footnote</p><p>B.</p>';
    const r = root(html);
    expect(drawSeparators(r)).toBe(0);
    expect(r.innerHTML).toBe(html);
  });
});
