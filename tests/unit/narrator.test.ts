import { afterEach, describe, expect, it, vi } from 'vitest';
import { Narrator, pickVoice, readableBlocks, SPEAKING_CLASS, speechChunks } from '../../components/narrator';

/** An utterance as the engine sees it. */
class FakeUtterance {
  voice: SpeechSynthesisVoice | null = null;
  rate = 1;
  lang = '';
  onend: (() => void) | null = null;
  onerror: ((e: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

/** A speech engine that says each utterance when the test says so. */
class FakeSynth extends EventTarget {
  queue: FakeUtterance[] = [];
  spoken: string[] = [];
  cancels = 0;
  constructor(
    public voices: Partial<SpeechSynthesisVoice>[] = [
      { lang: 'en-US', name: 'A', default: true, localService: true },
    ],
  ) {
    super();
  }
  getVoices() {
    return this.voices as SpeechSynthesisVoice[];
  }
  speak(u: FakeUtterance) {
    this.queue.push(u);
  }
  cancel() {
    this.cancels++;
    const dropped = this.queue;
    this.queue = [];
    for (const u of dropped) u.onerror?.({ error: 'interrupted' });
  }
  /** The engine finishes the utterance at the head of its queue. */
  finish() {
    const u = this.queue.shift();
    if (!u) throw new Error('nothing queued');
    this.spoken.push(u.text);
    u.onend?.();
  }
  fail(error: string) {
    this.queue[0]?.onerror?.({ error });
  }
}

function story(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

function narrator(root: HTMLElement, synth = new FakeSynth(), lang: string | null = 'en') {
  const states: string[] = [];
  const pace = { rate: 1 };
  const n = new Narrator(
    synth as unknown as SpeechSynthesis,
    FakeUtterance as unknown as typeof SpeechSynthesisUtterance,
    () => readableBlocks(root),
    lang,
    (s) => states.push(s),
    () => pace.rate,
  );
  return { n, synth, states, pace };
}

const marked = (root: HTMLElement) =>
  [...root.querySelectorAll(`.${SPEAKING_CLASS}`)].map((el) => el.textContent);
const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('readableBlocks: what is read aloud', () => {
  it('reads headings, paragraphs and list items in order; not captions, code or empty blocks', () => {
    const root = story(`
      <h2>Section</h2><p>One.</p>
      <figure><img alt=""><figcaption>A caption.</figcaption></figure>
      <ul><li>Item</li><li><p>Item paragraph</p></li></ul>
      <pre>code()</pre><p> </p><p>…</p>
      <blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>
      <blockquote>Bare quote.</blockquote>`);
    expect(readableBlocks(root).map((el) => el.textContent)).toEqual([
      'Section',
      'One.',
      'Item',
      'Item paragraph',
      'Quoted one.',
      'Quoted two.',
      'Bare quote.',
    ]);
  });
});

describe('speechChunks', () => {
  it('keeps a short paragraph whole, white space folded', () => {
    expect(speechChunks('  Short\n one.  ')).toEqual(['Short one.']);
    expect(speechChunks('   ')).toEqual([]);
  });

  it('cuts a long paragraph between sentences, losing nothing', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `Sentence number ${i} says "something" here.`);
    const text = sentences.join(' ');
    const chunks = speechChunks(text, 100);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(100);
      expect(c).toMatch(/\.$/);
    }
    expect(chunks.join(' ')).toBe(text);
  });

  it('keeps one overlong sentence whole rather than cutting a word', () => {
    const text = `${'word '.repeat(80).trim()}.`;
    expect(speechChunks(text, 100)).toEqual([text]);
  });
});

describe('pickVoice', () => {
  const v = (lang: string, name: string, isDefault = false, localService = true) =>
    ({ lang, name, default: isDefault, localService }) as SpeechSynthesisVoice;
  const voices = [v('en-GB', 'gb'), v('en-US', 'us', true), v('fr-FR', 'fr'), v('pt_BR', 'br')];

  it("prefers the story's exact language, then its base language's default", () => {
    expect(pickVoice(voices, 'en-GB')?.name).toBe('gb');
    expect(pickVoice(voices, 'en')?.name).toBe('us');
    expect(pickVoice(voices, 'fr-CA')?.name).toBe('fr');
    expect(pickVoice(voices, 'pt-BR')?.name).toBe('br');
  });

  it('falls back to the default local voice for a language without one, or an unknown language', () => {
    expect(pickVoice(voices, 'ar')?.name).toBe('us');
    expect(pickVoice(voices, null)?.name).toBe('us');
  });

  it('never picks a network voice, which would send the text away', () => {
    const mixed = [v('fr-FR', 'Google français', true, false), v('en-US', 'local', true)];
    expect(pickVoice(mixed, 'fr')?.name).toBe('local');
    expect(pickVoice([v('en-US', 'Google US English', true, false)], 'en')).toBeUndefined();
  });
});

describe('Narrator', () => {
  it('reads the blocks in order, marking each in turn, then stops and unmarks', async () => {
    const root = story('<h1>Title</h1><p>First.</p><p>Second.</p>');
    const { n, synth, states } = narrator(root);
    await n.play();
    expect(marked(root)).toEqual(['Title']);
    synth.finish();
    expect(marked(root)).toEqual(['First.']);
    synth.finish();
    synth.finish();
    expect(synth.spoken).toEqual(['Title', 'First.', 'Second.']);
    expect(marked(root)).toEqual([]);
    expect(states).toEqual(['speaking', 'idle']);
    expect(synth.queue).toEqual([]);
  });

  it("speaks in the story's language with a voice for it", async () => {
    const root = story('<p>Bonjour.</p>');
    const synth = new FakeSynth([
      { lang: 'en-US', name: 'en', default: true, localService: true },
      { lang: 'fr-FR', name: 'fr', localService: true },
    ]);
    const { n } = narrator(root, synth, 'fr');
    await n.play();
    expect(synth.queue[0]).toMatchObject({ lang: 'fr', voice: { name: 'fr' } });
  });

  it('reads at the speed asked for, a change applying from the next paragraph', async () => {
    const root = story('<p>First.</p><p>Second.</p>');
    const { n, synth, pace } = narrator(root);
    pace.rate = 1.25;
    await n.play();
    expect(synth.queue[0]?.rate).toBe(1.25);
    pace.rate = 0.8;
    synth.finish();
    expect(synth.queue[0]?.rate).toBe(0.8);
  });

  it('pauses after cancelling, and resumes at the start of the same paragraph', async () => {
    const root = story('<p>First.</p><p>Second.</p><p>Third.</p>');
    const { n, synth, states } = narrator(root);
    await n.play();
    synth.finish();
    n.pause();
    expect(synth.cancels).toBe(1);
    expect(synth.queue).toEqual([]);
    expect(n.current).toBe('paused');
    await n.play();
    expect(synth.queue.map((u) => u.text)).toEqual(['Second.']);
    expect(marked(root)).toEqual(['Second.']);
    synth.finish();
    synth.finish();
    expect(synth.spoken).toEqual(['First.', 'Second.', 'Third.']);
    expect(states).toEqual(['speaking', 'paused', 'speaking', 'idle']);
  });

  it("stop cancels only speech it started (the page's own is left alone)", async () => {
    const root = story('<p>First.</p>');
    const { n, synth } = narrator(root);
    n.stop();
    expect(synth.cancels).toBe(0);
    await n.play();
    n.stop();
    expect(synth.cancels).toBe(1);
    expect(marked(root)).toEqual([]);
    expect(n.current).toBe('idle');
  });

  it('says so when the system has no voice, after waiting for the list of voices', async () => {
    vi.useFakeTimers();
    const root = story('<p>First.</p>');
    const { n, synth, states } = narrator(root, new FakeSynth([]));
    const playing = n.play();
    await vi.advanceTimersByTimeAsync(1500);
    await playing;
    expect(synth.queue).toEqual([]);
    expect(states).toEqual(['speaking', 'unavailable']);
  });

  it('says so, and sends nothing, when the only voices are network ones', async () => {
    const root = story('<p>First.</p>');
    const { n, synth, states } = narrator(
      root,
      new FakeSynth([{ lang: 'en-US', name: 'Google US English', default: true, localService: false }]),
    );
    await n.play();
    expect(synth.queue).toEqual([]);
    expect(states).toEqual(['speaking', 'unavailable']);
  });

  it('uses voices listed late (voiceschanged)', async () => {
    const root = story('<p>First.</p>');
    const synth = new FakeSynth([]);
    const { n } = narrator(root, synth);
    const playing = n.play();
    synth.voices = [{ lang: 'en-US', name: 'late', default: true, localService: true }];
    synth.dispatchEvent(new Event('voiceschanged'));
    await playing;
    expect(synth.queue.map((u) => u.text)).toEqual(['First.']);
  });

  it("gives up with a word when the engine fails, but not on its own cancel's 'interrupted'", async () => {
    const root = story('<p>First.</p><p>Second.</p>');
    const { n, synth, states } = narrator(root);
    await n.play();
    n.pause();
    await n.play();
    expect(n.current).toBe('speaking');
    synth.fail('synthesis-failed');
    expect(n.current).toBe('unavailable');
    expect(marked(root)).toEqual([]);
    expect(states.at(-1)).toBe('unavailable');
    await tick();
  });
});
