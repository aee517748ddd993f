import { browser } from 'wxt/browser';
import { normalizeHost, originPatterns } from '../hosts';
import { autoOpenSites, getSites } from '../settings';

let queue: Promise<unknown> = Promise.resolve();

/**
 * All writes to the list go through this one queue in the background, so two tabs adding
 * sites at the same moment both land (a read-modify-write race would drop one).
 */
function serialized<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

export class QuotaError extends Error {}

async function write(list: string[]): Promise<void> {
  try {
    await autoOpenSites.setValue(list);
  } catch (err) {
    if (/quota/i.test(String((err as Error)?.message))) {
      throw new QuotaError(browser.i18n.getMessage('sitesQuotaFull'));
    }
    throw err;
  }
}

export function addSite(input: string): Promise<string[]> {
  return serialized(async () => {
    const host = normalizeHost(input);
    if (!host) throw new Error(browser.i18n.getMessage('optionsBadSite', [input]));
    const list = await getSites();
    if (!list.includes(host)) await write([...list, host]);
    return getSites();
  });
}

export function removeSite(input: string): Promise<string[]> {
  return serialized(async () => {
    const host = normalizeHost(input);
    const list = await getSites();
    if (host && list.includes(host)) await write(list.filter((h) => h !== host));
    if (host) {
      // Give the access back too: a site we no longer open needs no permission.
      await browser.permissions.remove({ origins: originPatterns(host) }).catch(() => false);
    }
    return getSites();
  });
}
