import { describe, expect, it } from 'vitest';
import { deferRest, firstScreenChars, REST_ATTRIBUTE, revealRest } from '../../components/first-screen';

const para = (n: number, chars = 500) =>
  Array.from({ length: n }, (_, i) => `<p>${String(i).padEnd(chars, '.')}</p>`).join('\n');

function fragment(html: string): DocumentFragment {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content;
}

const serialize = (f: DocumentFragment) => {
  const div = document.createElement('div');
  div.append(f.cloneNode(true));
  return div.innerHTML;
};

describe('progressive first paint (first-screen.ts)', () => {
  it('hides what follows the first screenful, between blocks, and puts it back exactly', () => {
    const story = fragment(`<div class="page">\n${para(20)}\n</div>`);
    const before = serialize(story);
    const rest = deferRest(story, 2000);
    expect(rest).not.toBeNull();
    // Cut inside the wrapper, after the paragraph that reached 2,000 characters.
    expect(rest?.parentElement?.className).toBe('page');
    expect(rest?.hasAttribute(REST_ATTRIBUTE)).toBe(true);
    expect(rest?.style.getPropertyValue('display')).toBe('none');
    const shown = Array.from(story.querySelectorAll('.page > p')).map((p) => p.textContent?.length);
    expect(shown).toHaveLength(4);
    expect(rest?.querySelectorAll('p')).toHaveLength(16);
    if (rest) revealRest(rest);
    expect(serialize(story)).toBe(before);
  });

  it('leaves a story that fits the screen alone', () => {
    const story = fragment(`<div>${para(3)}</div>`);
    const before = serialize(story);
    expect(deferRest(story, 2000)).toBeNull();
    expect(serialize(story)).toBe(before);
  });

  it('looks through nested single wrappers and ignores white space around them', () => {
    const story = fragment(`\n <div>\n <section> ${para(10)} </section>\n</div>\n`);
    const rest = deferRest(story, 1000);
    expect(rest?.parentElement?.localName).toBe('section');
  });

  it('sizes the first screen from the viewport, never below 3,000 characters', () => {
    expect(firstScreenChars(320, 200)).toBe(3000);
    expect(firstScreenChars(1280, 720)).toBeGreaterThan(5000);
    expect(firstScreenChars(2560, 1440)).toBeGreaterThan(4 * firstScreenChars(1280, 720) - 10);
  });
});
