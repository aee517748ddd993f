import { browser } from 'wxt/browser';
import { originPatterns } from '../hosts';
import { getSites } from '../settings';

export const DETECTOR_ID = 'auto-open-detector';
const DETECTOR_SCRIPT = 'content-scripts/detector.js';

/** The listed hosts whose origins the person has actually granted. */
export async function grantedSites(sites: string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const host of sites) {
    if (await browser.permissions.contains({ origins: originPatterns(host) })) granted.push(host);
  }
  return granted;
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

async function doSync(): Promise<void> {
  const matches = (await grantedSites(await getSites())).flatMap(originPatterns);
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
