/**
 * The reader's own view of its settings: read, write and watch the one `sync:readerPrefs` value.
 *
 * The overlay's content script is injected into the page on every open and has a size budget, so it
 * does not carry WXT's storage library (about 2 kB gzipped) for one key. The key, its shape and its
 * schema version stay defined in lib/settings.ts, whose versioned item runs any migration in the
 * background at startup; a value written here is the current shape (WXT counts a value without
 * version metadata as version 1, which it is). Whatever is read goes through normalizePrefs, so a
 * stale or broken value becomes defaults field by field, never a crash.
 */
import { browser } from 'wxt/browser';
import { normalizePrefs, type ReaderPrefs } from './prefs';

/** The storage.sync key of lib/settings.ts's `readerPrefs` item. */
export const PREFS_KEY = 'readerPrefs';

export async function loadPrefs(): Promise<ReaderPrefs> {
  const got = await browser.storage.sync.get(PREFS_KEY);
  return normalizePrefs(got[PREFS_KEY]);
}

export async function savePrefs(prefs: ReaderPrefs): Promise<void> {
  await browser.storage.sync.set({ [PREFS_KEY]: normalizePrefs(prefs) });
}

/** Calls back with the normalized value whenever it changes anywhere; returns the unwatch. */
export function watchPrefs(cb: (prefs: ReaderPrefs) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && PREFS_KEY in changes) cb(normalizePrefs(changes[PREFS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
