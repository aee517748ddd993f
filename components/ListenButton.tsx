import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/lib/i18n';
import { BarLabel } from './BarLabel';
import { type NarrationState, Narrator, readableBlocks } from './narrator';

interface Props {
  /** The story being shown: its headline and body are what is read. */
  story: RefObject<HTMLElement | null>;
  lang: string | null;
  /** Listening speed, a multiple of the voice's pace. */
  rate: number;
}

/** Listen / Pause in the reader's bar, and a plain word when the system has no voice. */
export function ListenButton({ story, lang, rate }: Props) {
  const t = useT();
  const [state, setState] = useState<NarrationState>('idle');
  const narrator = useRef<Narrator | null>(null);
  const pace = useRef(rate);
  pace.current = rate;

  useEffect(() => () => narrator.current?.stop(), []);

  const win = story.current?.ownerDocument.defaultView ?? (typeof window === 'undefined' ? null : window);
  if (!win?.speechSynthesis || !win.SpeechSynthesisUtterance) return null;

  const toggle = () => {
    narrator.current ??= new Narrator(
      win.speechSynthesis,
      win.SpeechSynthesisUtterance,
      () => {
        const root = story.current;
        if (!root) return [];
        const title = root.querySelector<HTMLElement>('h1');
        const body = root.querySelector('.article-body');
        return [...(title ? [title] : []), ...(body ? readableBlocks(body) : [])];
      },
      lang,
      setState,
      () => pace.current,
    );
    if (narrator.current.current === 'speaking') narrator.current.pause();
    else void narrator.current.play();
  };

  if (state === 'unavailable') {
    return (
      <span class="listen-note" role="status">
        {t('noVoice')}
      </span>
    );
  }
  return (
    <button
      type="button"
      class="toggle listen"
      aria-pressed={state === 'speaking' ? 'true' : 'false'}
      onClick={toggle}
    >
      <BarLabel icon="▶" text={t('listen')} />
    </button>
  );
}
