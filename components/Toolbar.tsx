import { useT } from '@/lib/i18n';
import type { ReaderPrefs } from '@/lib/prefs';
import { FONTS, LINE_HEIGHTS, TEXT_SIZES, THEMES, WIDTHS } from '@/lib/prefs';
import { ChoiceGroup } from './ChoiceGroup';

interface Props {
  prefs: ReaderPrefs;
  onPrefs: (patch: Partial<ReaderPrefs>) => void;
  onClose?: () => void;
  onAlwaysOpen?: (event: MouseEvent) => void;
  quotesCount: number;
  quotesOpen: boolean;
  onToggleQuotes: () => void;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export function Toolbar({
  prefs,
  onPrefs,
  onClose,
  onAlwaysOpen,
  quotesCount,
  quotesOpen,
  onToggleQuotes,
}: Props) {
  const t = useT();
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
      {quotesCount > 0 ? (
        <button
          type="button"
          class="toggle"
          aria-expanded={quotesOpen ? 'true' : 'false'}
          aria-controls="reader-quotes"
          onClick={onToggleQuotes}
        >
          {t('quotes')}
        </button>
      ) : null}
      {onAlwaysOpen ? (
        <button type="button" class="always-open" onClick={onAlwaysOpen}>
          {t('alwaysOpen')}
        </button>
      ) : null}
    </div>
  );
}
