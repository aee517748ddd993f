import { normalizeHostList } from './hosts';
import { normalizePrefs, type ReaderPrefs } from './settings';

/** The export format: versioned, so a future reader can still import today's files. */
export const SETTINGS_FORMAT = 'calm-reader-settings';
export const SETTINGS_FILE_VERSION = 1;

export interface SettingsFile {
  format: typeof SETTINGS_FORMAT;
  version: number;
  prefs: ReaderPrefs;
  autoOpenSites: string[];
}

export function exportSettings(prefs: ReaderPrefs, sites: string[]): string {
  const file: SettingsFile = {
    format: SETTINGS_FORMAT,
    version: SETTINGS_FILE_VERSION,
    prefs: normalizePrefs(prefs),
    autoOpenSites: normalizeHostList(sites),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parses an exported file; null when it is not one (never throws on bad input). */
export function importSettings(text: string): { prefs: ReaderPrefs; autoOpenSites: string[] } | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (d.format !== SETTINGS_FORMAT || typeof d.version !== 'number' || d.version > SETTINGS_FILE_VERSION)
    return null;
  return { prefs: normalizePrefs(d.prefs), autoOpenSites: normalizeHostList(d.autoOpenSites) };
}
