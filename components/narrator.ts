/**
 * Reading the story aloud, as Firefox's reader view (Narrate) and Safari's (Listen to Page) do,
 * with the browser's own speech synthesis: nothing leaves the machine but what the system's voices
 * do themselves. One utterance per paragraph (long ones per sentence group: some engines cut an
 * utterance off after about 15 s), the paragraph being read marked, and a pause that stops after
 * the current words and starts that paragraph again on resume (pause() and resume() are unreliable
 * across engines). https://developer.mozilla.org/docs/Web/API/SpeechSynthesis
 */

export type NarrationState = 'idle' | 'speaking' | 'paused' | 'unavailable';

/** The class on the block being read (reader.css). */
export const SPEAKING_CLASS = 'speaking';

/** What is read: the headline, then the story's text blocks in order (not captions, not code). */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, dt, dd, td, th';

/** Text blocks of `root` in document order, none inside another, none without words. */
export function readableBlocks(root: ParentNode): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of root.querySelectorAll<HTMLElement>(BLOCKS)) {
    if (el.closest('figure, figcaption, pre, nav, [aria-hidden="true"]')) continue;
    if (out.some((kept) => kept.contains(el))) continue;
    // A list item or quote holding paragraphs is read paragraph by paragraph.
    if (el.querySelector(BLOCKS)) continue;
    if (/[\p{L}\p{N}]/u.test(el.textContent ?? '')) out.push(el);
  }
  return out;
}

/** Splits `text` between sentences into pieces of at most about `max` characters. */
export function speechChunks(text: string, max = 280): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean ? [clean] : [];
  const sentences = clean.match(/[^.!?。！？]+(?:[.!?。！？]+["'”’»)\]]*\s*|$)/gu) ?? [clean];
  const out: string[] = [];
  let piece = '';
  for (const sentence of sentences) {
    if (piece && piece.length + sentence.length > max) {
      out.push(piece.trim());
      piece = '';
    }
    piece += sentence;
  }
  if (piece.trim()) out.push(piece.trim());
  return out;
}

/** The voice for `lang`: the system's default for that language, else any for it, else none. */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string | null) {
  if (!lang) return undefined;
  const base = lang.toLowerCase().split('-')[0];
  const fits = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === base);
  const exact = fits.filter((v) => v.lang.toLowerCase().replace('_', '-') === lang.toLowerCase());
  return exact.find((v) => v.default) ?? exact[0] ?? fits.find((v) => v.default) ?? fits[0];
}

/** Engine errors that mean no speech is possible here (not our own cancel). */
const UNAVAILABLE = new Set([
  'synthesis-unavailable',
  'synthesis-failed',
  'audio-hardware',
  'language-unavailable',
  'voice-unavailable',
  'not-allowed',
]);

/** How long to wait for the system to list its voices (they load after the page, in Chromium). */
const VOICES_WAIT_MS = 1500;

export class Narrator {
  private index = 0;
  private run = 0;
  private state: NarrationState = 'idle';
  private marked: HTMLElement | null = null;

  constructor(
    private readonly synth: SpeechSynthesis,
    private readonly Utterance: typeof SpeechSynthesisUtterance,
    private readonly blocks: () => HTMLElement[],
    private readonly lang: string | null,
    private readonly onState: (state: NarrationState) => void,
    /** The pace asked for now (a change applies from the next paragraph). */
    private readonly rate: () => number = () => 1,
  ) {}

  get current(): NarrationState {
    return this.state;
  }

  /** Starts, or goes on from the paragraph where it paused. */
  async play(): Promise<void> {
    if (this.state === 'speaking') return;
    const run = ++this.run;
    this.set('speaking');
    const voices = await this.voices();
    if (run !== this.run) return;
    if (!voices.length) return this.fail();
    const list = this.blocks();
    if (this.index >= list.length) this.index = 0;
    this.speakFrom(list, pickVoice(voices, this.lang), run);
  }

  /** Stops after cancelling what is being said; play() starts the same paragraph again. */
  pause(): void {
    if (this.state !== 'speaking') return;
    this.run++;
    this.synth.cancel();
    this.set('paused');
  }

  /** Stops and forgets the place (the reader closes, or the story changes). */
  stop(): void {
    const ours = this.state === 'speaking';
    this.run++;
    this.index = 0;
    // Only what we started: the page may be speaking on its own.
    if (ours) this.synth.cancel();
    if (this.state !== 'unavailable') this.set('idle');
    this.mark(null);
  }

  private speakFrom(list: HTMLElement[], voice: SpeechSynthesisVoice | undefined, run: number): void {
    const block = list[this.index];
    if (!block) {
      this.index = 0;
      this.set('idle');
      this.mark(null);
      return;
    }
    this.mark(block);
    const pieces = speechChunks(block.textContent ?? '');
    pieces.forEach((text, i) => {
      const u = new this.Utterance(text);
      if (voice) u.voice = voice;
      if (this.lang) u.lang = this.lang;
      u.rate = this.rate();
      u.onerror = (e) => {
        if (run !== this.run) return;
        if (UNAVAILABLE.has(e.error)) this.fail();
      };
      if (i === pieces.length - 1)
        u.onend = () => {
          if (run !== this.run) return;
          this.index++;
          this.speakFrom(list, voice, run);
        };
      this.synth.speak(u);
    });
  }

  private voices(): Promise<SpeechSynthesisVoice[]> {
    const now = this.synth.getVoices();
    if (now.length) return Promise.resolve(now);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.synth.removeEventListener('voiceschanged', done);
        resolve(this.synth.getVoices());
      };
      const timer = setTimeout(done, VOICES_WAIT_MS);
      this.synth.addEventListener('voiceschanged', done);
    });
  }

  private fail(): void {
    this.run++;
    this.synth.cancel();
    this.mark(null);
    this.set('unavailable');
  }

  private mark(block: HTMLElement | null): void {
    this.marked?.classList.remove(SPEAKING_CLASS);
    this.marked = block;
    if (!block) return;
    block.classList.add(SPEAKING_CLASS);
    block.scrollIntoView?.({ block: 'nearest' });
  }

  private set(state: NarrationState): void {
    if (state === this.state) return;
    this.state = state;
    this.onState(state);
  }
}
