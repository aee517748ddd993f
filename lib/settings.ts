import { normalizeHostList } from './hosts';
import { DEFAULT_PREFS, normalizePrefs, type ReaderPrefs } from './prefs';
import { defineItem } from './storage-item';

export * from './prefs';

export const readerPrefs = defineItem<ReaderPrefs>('sync:readerPrefs', {
  fallback: { ...DEFAULT_PREFS },
  version: 1,
  // Present (even empty) so the schema version is recorded with the first write; a later
  // shape change adds version 2 and its migration here.
  migrations: {},
});

/** Hostnames on which the reader opens by itself (the issue names this key: `autoOpenSites`). */
export const autoOpenSites = defineItem<string[]>('sync:autoOpenSites', {
  fallback: [],
  version: 1,
  // Present (even empty) so the schema version is recorded with the first write; a later
  // shape change adds version 2 and its migration here.
  migrations: {},
});

export async function getPrefs(): Promise<ReaderPrefs> {
  return normalizePrefs(await readerPrefs.getValue());
}

export async function setPrefs(patch: Partial<ReaderPrefs>): Promise<ReaderPrefs> {
  const next = normalizePrefs({ ...(await getPrefs()), ...patch });
  await readerPrefs.setValue(next);
  return next;
}

export async function getSites(): Promise<string[]> {
  return normalizeHostList(await autoOpenSites.getValue());
}

/** Every site, as optional host permissions: asked for only when the person opts in. */
export const ALL_SITES: readonly string[] = ['https://*/*', 'http://*/*'];

/**
 * Opt-in: run the detector on every site to badge the toolbar button on stories. Off by
 * default; kept on this device only, since the access it needs is granted per browser.
 */
export const badgeAllSites = defineItem<boolean>('local:badgeAllSites', { fallback: false });
