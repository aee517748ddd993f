import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  afterNextFrame,
  deferRest,
  firstScreenChars,
  REST_ATTRIBUTE,
  revealRest,
} from '../../components/first-screen';

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

/** A window whose frames come only when the test draws one, and whose page may be hidden. */
function fakeWindow(hidden: boolean) {
  const frames = new Map<number, () => void>();
  let next = 0;
  const doc = Object.assign(new EventTarget(), { hidden });
  const win = {
    document: doc,
    requestAnimationFrame: (cb: () => void) => {
      frames.set(++next, cb);
      return next;
    },
    cancelAnimationFrame: (id: number) => void frames.delete(id),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  };
  const drawFrame = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const cb of due) cb();
  };
  const hide = () => {
    doc.hidden = true;
    doc.dispatchEvent(new Event('visibilitychange'));
  };
  return { win: win as unknown as Window, drawFrame, hide, pendingFrames: () => frames.size };
}

describe('afterNextFrame: the rest of the story joins after the first frame', () => {
  afterEach(() => void vi.useRealTimers());

  it('runs in the task after the frame in a shown tab, once', () => {
    vi.useFakeTimers();
    const { win, drawFrame } = fakeWindow(false);
    const fn = vi.fn();
    afterNextFrame(win, fn);
    vi.advanceTimersByTime(100);
    expect(fn).not.toHaveBeenCalled();
    drawFrame();
    expect(fn).not.toHaveBeenCalled(); // not inside the frame callback, before the frame
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('does not wait for a frame in a hidden tab, which draws none', () => {
    vi.useFakeTimers();
    const { win, pendingFrames } = fakeWindow(true);
    const fn = vi.fn();
    afterNextFrame(win, fn);
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(pendingFrames()).toBe(0);
  });

  it('runs when the tab is hidden before its frame came', () => {
    vi.useFakeTimers();
    const { win, hide } = fakeWindow(false);
    const fn = vi.fn();
    afterNextFrame(win, fn);
    hide();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('gives up waiting for a frame after a second', () => {
    vi.useFakeTimers();
    const { win } = fakeWindow(false);
    const fn = vi.fn();
    afterNextFrame(win, fn);
    vi.advanceTimersByTime(999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('runs never once cancelled, whatever comes', () => {
    vi.useFakeTimers();
    const { win, drawFrame, hide } = fakeWindow(false);
    const fn = vi.fn();
    afterNextFrame(win, fn)();
    drawFrame();
    hide();
    vi.advanceTimersByTime(5000);
    expect(fn).not.toHaveBeenCalled();
  });
});
