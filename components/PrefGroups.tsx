import { useT } from '@/lib/i18n';
import { FONTS, LINE_HEIGHTS, type ReaderPrefs, SPEECH_RATES, TEXT_SIZES, THEMES, WIDTHS } from '@/lib/prefs';
import { ChoiceGroup } from './ChoiceGroup';

/** The preferences chosen from a short list, each shown as a group of buttons. */
export type ChoiceKey = 'textSize' | 'theme' | 'font' | 'width' | 'lineHeight' | 'speechRate';

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Each group's label, values and how a value reads (a message key, or the value itself). */
const GROUPS: Record<ChoiceKey, { label: string; values: readonly string[]; word?: string; unit?: string }> =
  {
    textSize: { label: 'textSize', values: TEXT_SIZES },
    theme: { label: 'theme', values: THEMES, word: 'theme' },
    font: { label: 'font', values: FONTS, word: 'font' },
    width: { label: 'lineWidth', values: WIDTHS, word: 'width' },
    lineHeight: { label: 'lineHeight', values: LINE_HEIGHTS, word: 'spacing' },
    speechRate: { label: 'speechRate', values: SPEECH_RATES, unit: '×' },
  };

/**
 * The same groups, worded the same, in the reader's settings and on the options page: one place
 * says what each preference offers.
 */
export function PrefGroups({
  keys,
  prefs,
  onPrefs,
}: {
  keys: readonly ChoiceKey[];
  prefs: ReaderPrefs;
  onPrefs: (patch: Partial<ReaderPrefs>) => void;
}) {
  const t = useT();
  return (
    <>
      {keys.map((key) => {
        const g = GROUPS[key];
        return (
          <ChoiceGroup
            key={key}
            label={t(g.label)}
            choices={g.values.map((v) => ({
              value: v,
              label: g.word ? t(`${g.word}${cap(v)}`) : `${v}${g.unit ?? ''}`,
            }))}
            value={prefs[key]}
            onChange={(v) => onPrefs({ [key]: v } as Partial<ReaderPrefs>)}
          />
        );
      })}
    </>
  );
}
