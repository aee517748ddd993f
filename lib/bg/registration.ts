import { browser } from 'wxt/browser';
import { originPatterns } from '../hosts';
import { ALL_SITES, badgeAllSites, getSites } from '../settings';

export const DETECTOR_ID = 'auto-open-detector';
const DETECTOR_SCRIPT = 'content-scripts/detector.js';

/**
 * The match patterns of the listed hosts that the person has actually granted. Checked one by
 * one: a grant may cover http but not https (or a host but not its subdomains).
 */
export function grantedPatterns(sites: string[]): Promise<string[]> {
  return onlyGranted(sites.flatMap((h) => originPatterns(h)));
}

let syncing: Promise<void> = Promise.resolve();

/**
 * Registers the detector for exactly the granted, listed origins (and nowhere else).
 * Serialized: storage changes can arrive in bursts, and register/unregister must not interleave.
 */
export function syncRegistrations(): Promise<void> {
  syncing = syncing.then(doSync, doSync);
  return syncing;
}

/**
 * Where the detector runs: every site only when the person opted in to the badge and granted
 * all-sites access; otherwise exactly their granted auto-open sites.
 */
export async function detectorMatches(): Promise<string[]> {
  if ((await badgeAllSites.getValue()) && (await browser.permissions.contains({ origins: [...ALL_SITES] })))
    return [...ALL_SITES];
  return grantedPatterns(await getSites());
}

async function onlyGranted(patterns: readonly string[]): Promise<string[]> {
  const granted = await Promise.all(patterns.map((p) => browser.permissions.contains({ origins: [p] })));
  return patterns.filter((_, i) => granted[i]);
}

async function doSync(): Promise<void> {
  const matches = await detectorMatches();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [DETECTOR_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [DETECTOR_ID] });
  if (!matches.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: DETECTOR_ID,
      js: [DETECTOR_SCRIPT],
      matches,
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
}
