/**
 * Reading the story aloud, as Firefox's reader view (Narrate) and Safari's (Listen to Page) do,
 * with the browser's speech synthesis and only the system's own voices: a voice that is not a
 * local service (Chrome's "Google …" voices) sends the text to a server, and nothing of what a
 * person reads leaves the machine. One utterance per paragraph, long ones per sentence group of at
 * most ~200 characters (some engines cut an utterance off after about 15 s,
 * https://stackoverflow.com/questions/42875726); the paragraph being read is marked; a pause stops
 * after cancelling and starts that paragraph again on resume (pause() and resume() are unreliable
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
export function speechChunks(text: string, max = 200): string[] {
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

/**
 * The voice for `lang` among the system's own voices: its default for that language, else any for
 * it, else the default local voice (the engine would otherwise pick for itself, maybe a network one).
 * None when the system has no local voice at all.
 */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string | null) {
  const local = voices.filter((v) => v.localService);
  const fallback = local.find((v) => v.default) ?? local[0];
  if (!lang) return fallback;
  const tag = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().replace('_', '-');
  const base = lang.toLowerCase().split('-')[0];
  const fits = local.filter((v) => tag(v).split('-')[0] === base);
  const exact = fits.filter((v) => tag(v) === lang.toLowerCase());
  return exact.find((v) => v.default) ?? exact[0] ?? fits.find((v) => v.default) ?? fits[0] ?? fallback;
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
  /**
   * The utterances queued: Chromium may collect one that nothing else refers to before it ends,
   * and then never fires its end event (a long-standing report; keeping them costs nothing).
   */
  private held: SpeechSynthesisUtterance[] = [];

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
    const voice = pickVoice(await this.voices(), this.lang);
    if (run !== this.run) return;
    if (!voice) return this.fail();
    const list = this.blocks();
    if (this.index >= list.length) this.index = 0;
    this.speakFrom(list, voice, run);
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

  private speakFrom(list: HTMLElement[], voice: SpeechSynthesisVoice, run: number): void {
    const block = list[this.index];
    if (!block) {
      this.index = 0;
      this.set('idle');
      this.mark(null);
      return;
    }
    this.mark(block);
    const pieces = speechChunks(block.textContent ?? '');
    this.held = [];
    pieces.forEach((text, i) => {
      const u = new this.Utterance(text);
      u.voice = voice;
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
      this.held.push(u);
      this.synth.speak(u);
    });
    // A block whose text is all signs the engine skips still moves on (none: readableBlocks).
    if (!pieces.length) {
      this.index++;
      this.speakFrom(list, voice, run);
    }
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
