import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MessageTable, tableTranslator } from '../../lib/i18n';

const LOCALES = resolve(import.meta.dirname, '../../public/_locales');
const read = (lang: string) =>
  JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, unknown> }
  >;
const en = read('en');
const others = readdirSync(LOCALES).filter((l) => l !== 'en');

/** $1-style substitutions and $NAME$ named placeholders a message uses, sorted. */
const placeholdersOf = (message: string) =>
  [...message.matchAll(/\$(\d|[A-Za-z_]+\$)/g)].map((m) => m[0]).sort();

describe('locales', () => {
  it('ships the languages the interface is translated into', () => {
    expect(others).toEqual(expect.arrayContaining(['fr', 'ar']));
  });

  describe.each(others)('%s', (lang) => {
    const table = read(lang);

    it("has exactly en's keys, in en's order", () => {
      expect(Object.keys(table)).toEqual(Object.keys(en));
    });

    it("uses exactly en's placeholders in every message", () => {
      for (const key of Object.keys(en)) {
        expect({ key, placeholders: placeholdersOf(table[key]?.message ?? '') }).toEqual({
          key,
          placeholders: placeholdersOf(en[key].message),
        });
        expect(Object.keys(table[key]?.placeholders ?? {}).sort()).toEqual(
          Object.keys(en[key].placeholders ?? {}).sort(),
        );
      }
    });

    it('translates every message (no empty strings, interface words differ from English)', () => {
      for (const key of Object.keys(en)) expect(table[key].message.trim(), key).not.toBe('');
      const translated = ['close', 'theme', 'themeLight', 'themeDark', 'quotes', 'viewOriginal', 'noArticle'];
      for (const key of translated) expect(table[key].message, key).not.toBe(en[key].message);
    });

    it('fills in substitutions like the browser does', () => {
      const t = tableTranslator(table as MessageTable);
      expect(t('readingTime', ['7'])).toContain('7');
      expect(t('readingTime', ['7'])).not.toContain('$1');
    });
  });
});
