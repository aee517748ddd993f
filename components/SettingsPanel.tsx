import { useT } from '@/lib/i18n';
import type { ReaderPrefs } from '@/lib/prefs';
import { FONTS, LINE_HEIGHTS, SPEECH_RATES, THEMES, WIDTHS } from '@/lib/prefs';
import { ChoiceGroup } from './ChoiceGroup';

export const SETTINGS_ID = 'reader-settings';

interface Props {
  prefs: ReaderPrefs;
  onPrefs: (patch: Partial<ReaderPrefs>) => void;
  onAlwaysOpen?: (event: MouseEvent) => void;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/**
 * The choices made once and kept (theme, font, measure, spacing, reading-aloud speed, images, highlighting, this site),
 * behind the toolbar's Settings button as in Firefox's and Safari's reader views, so that the bar
 * that stays on screen while reading is one short row.
 */
export function SettingsPanel({ prefs, onPrefs, onAlwaysOpen }: Props) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled set of the toolbar's controls, not a form
    <div class="settings" id={SETTINGS_ID} role="group" aria-label={t('settings')}>
      <ChoiceGroup
        label={t('theme')}
        choices={THEMES.map((s) => ({ value: s, label: t(`theme${cap(s)}`) }))}
        value={prefs.theme}
        onChange={(theme) => onPrefs({ theme })}
      />
      <ChoiceGroup
        label={t('font')}
        choices={FONTS.map((s) => ({ value: s, label: t(`font${cap(s)}`) }))}
        value={prefs.font}
        onChange={(font) => onPrefs({ font })}
      />
      <ChoiceGroup
        label={t('lineWidth')}
        choices={WIDTHS.map((s) => ({ value: s, label: t(`width${cap(s)}`) }))}
        value={prefs.width}
        onChange={(width) => onPrefs({ width })}
      />
      <ChoiceGroup
        label={t('lineHeight')}
        choices={LINE_HEIGHTS.map((s) => ({ value: s, label: t(`spacing${cap(s)}`) }))}
        value={prefs.lineHeight}
        onChange={(lineHeight) => onPrefs({ lineHeight })}
      />
      {typeof speechSynthesis === 'undefined' ? null : (
        <ChoiceGroup
          label={t('speechRate')}
          choices={SPEECH_RATES.map((s) => ({ value: s, label: `${s}×` }))}
          value={prefs.speechRate}
          onChange={(speechRate) => onPrefs({ speechRate })}
        />
      )}
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
