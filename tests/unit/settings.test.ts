import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { autoOpenSites, DEFAULT_PREFS, getPrefs, getSites, normalizePrefs, setPrefs } from '@/lib/settings';
import { exportSettings, importSettings } from '@/lib/settings-file';

beforeEach(() => fakeBrowser.reset());

describe('reader preferences', () => {
  it('start from the defaults', async () => {
    expect(await getPrefs()).toEqual(DEFAULT_PREFS);
  });

  it('are written with a schema version and read back', async () => {
    await setPrefs({ textSize: 'XL', theme: 'sepia' });
    const raw = await fakeBrowser.storage.sync.get(['readerPrefs', 'readerPrefs$']);
    expect(raw.readerPrefs).toMatchObject({ textSize: 'XL', theme: 'sepia' });
    expect(raw.readerPrefs$).toEqual({ v: 1 });
    expect((await getPrefs()).textSize).toBe('XL');
  });

  it('replace wrong-typed stored values field by field, keeping the good ones', async () => {
    await fakeBrowser.storage.sync.set({
      readerPrefs: { textSize: 9, theme: 'dark', font: null, showImages: 'no' },
    });
    const prefs = await getPrefs();
    expect(prefs).toEqual({ ...DEFAULT_PREFS, theme: 'dark' });
  });

  it("read a listening speed from the list, and give an older version's preferences the usual pace", async () => {
    const older = { textSize: 'L', theme: 'sepia', font: 'sans', width: 'wide', lineHeight: 'loose' };
    expect(normalizePrefs(older)).toEqual({ ...DEFAULT_PREFS, ...older, speechRate: '1' });
    expect(normalizePrefs({ ...older, speechRate: '1.5' }).speechRate).toBe('1.5');
    for (const bad of [1.5, '2', '1.50', null])
      expect(normalizePrefs({ speechRate: bad }).speechRate).toBe('1');
  });

  it.each([null, 'XL', 42, [], { textSize: { toString: () => 'XL' } }])('survive a stored %s', (value) => {
    expect(normalizePrefs(value)).toEqual(DEFAULT_PREFS);
  });
});

describe('auto-open list', () => {
  it('is stored under storage.sync "autoOpenSites" and cleaned on read', async () => {
    await autoOpenSites.setValue(['voanews.com']);
    expect(await fakeBrowser.storage.sync.get('autoOpenSites')).toEqual({ autoOpenSites: ['voanews.com'] });
    await fakeBrowser.storage.sync.set({ autoOpenSites: ['www.a.com', 5, 'a.com', 'not a host'] });
    expect(await getSites()).toEqual(['a.com']);
    await fakeBrowser.storage.sync.set({ autoOpenSites: 'oops' });
    expect(await getSites()).toEqual([]);
  });
});

describe('export and import', () => {
  it('round-trips', () => {
    const prefs = { ...DEFAULT_PREFS, textSize: 'L' as const, theme: 'dark' as const };
    const back = importSettings(exportSettings(prefs, ['voanews.com', 'bbc.co.uk']));
    expect(back).toEqual({ prefs, autoOpenSites: ['voanews.com', 'bbc.co.uk'] });
  });

  it.each(['', 'not json', '[]', '{"format":"other"}', '{"format":"calm-reader-settings","version":99}'])(
    'refuses %s with null, never a throw',
    (text) => expect(importSettings(text)).toBeNull(),
  );
});
