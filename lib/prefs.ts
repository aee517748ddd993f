/** Reader preferences: the pure part (shapes, defaults, validation), usable outside the extension. */

export const TEXT_SIZES = ['XS', 'S', 'M', 'L', 'XL'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const THEMES = ['light', 'sepia', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
export const FONTS = ['serif', 'sans'] as const;
export const WIDTHS = ['narrow', 'medium', 'wide'] as const;
export const LINE_HEIGHTS = ['tight', 'normal', 'loose'] as const;
/** How fast Listen reads, as a multiple of the voice's own pace (shown as it is: 0.8×, 1×, …). */
export const SPEECH_RATES = ['0.8', '1', '1.25', '1.5'] as const;

export interface ReaderPrefs {
  textSize: TextSize;
  theme: Theme;
  font: (typeof FONTS)[number];
  width: (typeof WIDTHS)[number];
  lineHeight: (typeof LINE_HEIGHTS)[number];
  showImages: boolean;
  highlightQuotes: boolean;
  speechRate: (typeof SPEECH_RATES)[number];
}

export const DEFAULT_PREFS: Readonly<ReaderPrefs> = Object.freeze({
  textSize: 'M',
  theme: 'auto',
  font: 'serif',
  width: 'medium',
  lineHeight: 'normal',
  showImages: true,
  highlightQuotes: true,
  speechRate: '1',
});

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * Whatever is stored (another version's shape, a hand-edited value, a sync conflict), the
 * reader gets a complete, valid set of preferences: bad fields fall back one by one, so a
 * single broken value never costs the person their other choices.
 */
export function normalizePrefs(raw: unknown): ReaderPrefs {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_PREFS;
  return {
    textSize: oneOf(TEXT_SIZES, r.textSize, d.textSize),
    theme: oneOf(THEMES, r.theme, d.theme),
    font: oneOf(FONTS, r.font, d.font),
    width: oneOf(WIDTHS, r.width, d.width),
    lineHeight: oneOf(LINE_HEIGHTS, r.lineHeight, d.lineHeight),
    showImages: typeof r.showImages === 'boolean' ? r.showImages : d.showImages,
    highlightQuotes: typeof r.highlightQuotes === 'boolean' ? r.highlightQuotes : d.highlightQuotes,
    speechRate: oneOf(SPEECH_RATES, r.speechRate, d.speechRate),
  };
}
