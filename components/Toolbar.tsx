import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from '@/lib/i18n';
import type { ReaderPrefs } from '@/lib/prefs';
import { TEXT_SIZES } from '@/lib/prefs';
import { BarLabel } from './BarLabel';
import { ChoiceGroup } from './ChoiceGroup';
import { ListenButton } from './ListenButton';
import { SETTINGS_ID, SettingsPanel } from './SettingsPanel';

interface Props {
  prefs: ReaderPrefs;
  onPrefs: (patch: Partial<ReaderPrefs>) => void;
  onClose?: () => void;
  onAlwaysOpen?: (event: MouseEvent) => void;
  quotesCount: number;
  quotesOpen: boolean;
  onToggleQuotes: () => void;
  /** The story shown, to be read aloud (none for a notice). */
  story?: { ref: RefObject<HTMLElement | null>; lang: string | null };
}

/**
 * The bar that stays at the top while reading: close, text size (changed while reading, so always
 * at hand), the quotes list and the rest of the settings, which open below it. All controls in one
 * bar took two rows at 1,280 px and a third of a 390 px screen.
 */
export function Toolbar({
  prefs,
  onPrefs,
  onClose,
  onAlwaysOpen,
  quotesCount,
  quotesOpen,
  onToggleQuotes,
  story,
}: Props) {
  const t = useT();
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <div class="toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
      {onClose ? (
        <button type="button" class="close" onClick={onClose} aria-label={t('close')} title={t('closeHint')}>
          ×
        </button>
      ) : null}
      <ChoiceGroup
        label={t('textSize')}
        choices={TEXT_SIZES.map((s) => ({ value: s, label: s }))}
        value={prefs.textSize}
        onChange={(textSize) => onPrefs({ textSize })}
      />
      {story ? <ListenButton story={story.ref} lang={story.lang} rate={Number(prefs.speechRate)} /> : null}
      {quotesCount > 0 ? (
        <button
          type="button"
          class="toggle"
          aria-expanded={quotesOpen ? 'true' : 'false'}
          aria-controls="reader-quotes"
          onClick={onToggleQuotes}
        >
          <BarLabel icon="❝" text={t('quotes')} />
        </button>
      ) : null}
      <button
        type="button"
        class="toggle settings-toggle"
        aria-expanded={settingsOpen ? 'true' : 'false'}
        aria-controls={SETTINGS_ID}
        onClick={() => setSettingsOpen((open) => !open)}
      >
        <BarLabel icon="Aa" text={t('settings')} />
      </button>
      {settingsOpen ? <SettingsPanel prefs={prefs} onPrefs={onPrefs} onAlwaysOpen={onAlwaysOpen} /> : null}
    </div>
  );
}
