import { useT } from '@/lib/i18n';
import type { ReaderPrefs } from '@/lib/prefs';
import { type ChoiceKey, PrefGroups } from './PrefGroups';

export const SETTINGS_ID = 'reader-settings';

interface Props {
  prefs: ReaderPrefs;
  onPrefs: (patch: Partial<ReaderPrefs>) => void;
  onAlwaysOpen?: (event: MouseEvent) => void;
}

/** Text size is in the bar itself; the listening speed only where the browser can speak. */
const CHOICES: ChoiceKey[] = ['theme', 'font', 'width', 'lineHeight'];

/**
 * The choices made once and kept (theme, font, measure, spacing, reading-aloud speed, images,
 * highlighting, this site), behind the toolbar's Settings button as in Firefox's and Safari's reader
 * views, so that the bar that stays on screen while reading is one short row.
 */
export function SettingsPanel({ prefs, onPrefs, onAlwaysOpen }: Props) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled set of the toolbar's controls, not a form
    <div class="settings" id={SETTINGS_ID} role="group" aria-label={t('settings')}>
      <PrefGroups
        keys={typeof speechSynthesis === 'undefined' ? CHOICES : [...CHOICES, 'speechRate']}
        prefs={prefs}
        onPrefs={onPrefs}
      />
      <button
        type="button"
        class="toggle"
        aria-pressed={prefs.showImages ? 'true' : 'false'}
        onClick={() => onPrefs({ showImages: !prefs.showImages })}
      >
        {t('images')}
      </button>
      <button
        type="button"
        class="toggle"
        aria-pressed={prefs.highlightQuotes ? 'true' : 'false'}
        onClick={() => onPrefs({ highlightQuotes: !prefs.highlightQuotes })}
      >
        {t('highlightQuotes')}
      </button>
      {onAlwaysOpen ? (
        <button type="button" class="always-open" onClick={onAlwaysOpen}>
          {t('alwaysOpen')}
        </button>
      ) : null}
    </div>
  );
}
