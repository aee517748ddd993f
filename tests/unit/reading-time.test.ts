import { describe, expect, it } from 'vitest';
import {
  CJK_CHARS_PER_MINUTE,
  RTL_WORDS_PER_MINUTE,
  readingMinutes,
  WORDS_PER_MINUTE,
} from '@/lib/reading-time';

const words = (n: number, word = 'harbour') => Array.from({ length: n }, () => word).join(' ');

describe('readingMinutes', () => {
  it('is at least one minute, even for nothing', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('Short.')).toBe(1);
  });

  it('reads Latin-script text at about 230 words a minute', () => {
    expect(WORDS_PER_MINUTE).toBe(230);
    expect(readingMinutes(words(230 * 4), 'en')).toBe(4);
    expect(readingMinutes(words(230 * 10), 'fr-FR')).toBe(10);
    expect(readingMinutes(words(230 * 3))).toBe(3);
  });

  it('reads Arabic and Hebrew more slowly', () => {
    expect(RTL_WORDS_PER_MINUTE).toBe(180);
    const text = words(180 * 5, 'كلمة');
    expect(readingMinutes(text, 'ar')).toBe(5);
    expect(readingMinutes(words(180 * 5, 'מילה'), 'he-IL')).toBe(5);
    // Same number of words in English is quicker.
    expect(readingMinutes(words(180 * 5), 'en')).toBe(4);
  });

  it('recognises right-to-left text without a language tag', () => {
    expect(readingMinutes(words(180 * 6, 'كلمة'))).toBe(6);
  });

  it('counts Chinese and Japanese by characters', () => {
    expect(CJK_CHARS_PER_MINUTE).toBe(500);
    expect(readingMinutes('字'.repeat(500 * 3), 'zh')).toBe(3);
    expect(readingMinutes('あ'.repeat(500 * 2) + 'カ'.repeat(500 * 2), 'ja')).toBe(4);
    // A language tag does not change how CJK characters are counted.
    expect(readingMinutes('字'.repeat(500 * 3))).toBe(3);
  });

  it('adds the words and the characters of mixed text', () => {
    const mixed = `${'字'.repeat(500 * 2)} ${words(230 * 2)}`;
    expect(readingMinutes(mixed, 'zh')).toBe(4);
  });

  it('does not count punctuation or numbers as separate words', () => {
    expect(readingMinutes(`${words(230 * 2)} — — … !!! ???`, 'en')).toBe(2);
  });
});
