import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Looks up an interface string; the extension uses the browser's i18n, the CLI reads the JSON. */
export type Translate = (key: string, substitutions?: string[]) => string;

export type MessageTable = Record<string, { message: string }>;

/** A translator over a messages.json table ($1-style placeholders only). */
export function tableTranslator(table: MessageTable): Translate {
  return (key, subs = []) =>
    (table[key]?.message ?? key).replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** The browser's own i18n, which picks the person's language. */
export function browserTranslator(i18n: { getMessage(key: string, subs?: string[]): string }): Translate {
  return (key, subs) => i18n.getMessage(key, subs) || key;
}

export const I18n = createContext<Translate>((key) => key);
export const useT = () => useContext(I18n);
