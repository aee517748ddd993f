import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DETECTOR_ID, syncRegistrations } from '@/lib/bg/registration';
import { addSite, removeSite } from '@/lib/bg/sites';
import { getSites } from '@/lib/settings';

// fakeBrowser has no scripting API and no permission store: stub both, record what we do.
const registered = new Map<string, { id: string; matches: string[] }>();
let granted = new Set<string>();

beforeEach(() => {
  fakeBrowser.reset();
  registered.clear();
  granted = new Set([
    'https://voanews.com/*',
    'https://*.voanews.com/*',
    'http://voanews.com/*',
    'http://*.voanews.com/*',
  ]);
  const b = fakeBrowser as unknown as Record<string, unknown>;
  b.scripting = {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) =>
      ids.flatMap((id) => (registered.has(id) ? [registered.get(id)] : [])),
    ),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      for (const id of ids) registered.delete(id);
    }),
    registerContentScripts: vi.fn(async (scripts: { id: string; matches: string[] }[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    }),
  };
  b.permissions = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      for (const o of origins) granted.delete(o);
      return true;
    }),
  };
});

describe('site list writes', () => {
  it('two tabs adding at the same moment lose neither', async () => {
    await Promise.all([
      addSite('voanews.com'),
      addSite('https://www.bbc.co.uk/news/x'),
      addSite('apnews.com'),
    ]);
    expect((await getSites()).sort()).toEqual(['apnews.com', 'bbc.co.uk', 'voanews.com']);
  });

  it('refuses what is not a site name', async () => {
    await expect(addSite('javascript:alert(1)')).rejects.toThrow(/not a site name/);
    expect(await getSites()).toEqual([]);
  });

  it('removing a site gives its access back', async () => {
    await addSite('voanews.com');
    await removeSite('www.voanews.com');
    expect(await getSites()).toEqual([]);
    expect(granted.size).toBe(0);
  });

  it('reports a full sync storage clearly', async () => {
    const set = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = vi.fn(async () => {
      throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }) as typeof set;
    await expect(addSite('voanews.com')).rejects.toThrow(/synced settings are full/);
    fakeBrowser.storage.sync.set = set;
  });
});

describe('detector registration', () => {
  it('covers exactly the listed sites that were granted', async () => {
    await fakeBrowser.storage.sync.set({ autoOpenSites: ['voanews.com', 'notgranted.example'] });
    await syncRegistrations();
    expect(registered.get(DETECTOR_ID)?.matches.sort()).toEqual([...granted].sort());
  });

  it('unregisters when the list empties, and re-registers without duplicates', async () => {
    await fakeBrowser.storage.sync.set({ autoOpenSites: ['voanews.com'] });
    await Promise.all([syncRegistrations(), syncRegistrations(), syncRegistrations()]);
    expect(registered.size).toBe(1);
    await fakeBrowser.storage.sync.set({ autoOpenSites: [] });
    await syncRegistrations();
    expect(registered.size).toBe(0);
  });
});
