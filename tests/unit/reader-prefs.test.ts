import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPrefs, savePrefs, watchPrefs } from '@/lib/reader-prefs';
import { DEFAULT_PREFS, getPrefs, setPrefs } from '@/lib/settings';

beforeEach(() => fakeBrowser.reset());

// The overlay reads and writes the same value as the versioned WXT item, without WXT's storage code.
describe("the reader's preferences store", () => {
  it('reads what the versioned settings item wrote', async () => {
    await setPrefs({ textSize: 'L', theme: 'dark' });
    expect(await loadPrefs()).toEqual(await getPrefs());
    expect((await loadPrefs()).textSize).toBe('L');
  });

  it('writes what the versioned settings item reads, keeping its schema version', async () => {
    await fakeBrowser.storage.sync.set({ readerPrefs$: { v: 1 } });
    await savePrefs({ ...DEFAULT_PREFS, textSize: 'XS' });
    expect((await getPrefs()).textSize).toBe('XS');
    expect((await fakeBrowser.storage.sync.get('readerPrefs$')).readerPrefs$).toEqual({ v: 1 });
  });

  it('gives defaults for a missing or broken value, field by field', async () => {
    expect(await loadPrefs()).toEqual(DEFAULT_PREFS);
    await fakeBrowser.storage.sync.set({ readerPrefs: { textSize: 7, theme: 'dark' } });
    expect(await loadPrefs()).toEqual({ ...DEFAULT_PREFS, theme: 'dark' });
    await fakeBrowser.storage.sync.set({ readerPrefs: 'XL' });
    expect(await loadPrefs()).toEqual(DEFAULT_PREFS);
  });

  it('never writes a broken value', async () => {
    await savePrefs({ ...DEFAULT_PREFS, textSize: 'huge' } as never);
    expect((await fakeBrowser.storage.sync.get('readerPrefs')).readerPrefs).toEqual(DEFAULT_PREFS);
  });

  it('hears changes made elsewhere, normalized, until unwatched', async () => {
    const seen: string[] = [];
    const unwatch = watchPrefs((p) => seen.push(p.textSize));
    await setPrefs({ textSize: 'XL' });
    await fakeBrowser.storage.local.set({ readerPrefs: { textSize: 'S' } }); // another area: ignored
    await fakeBrowser.storage.sync.set({ readerPrefs: { textSize: 3 } });
    unwatch();
    await setPrefs({ textSize: 'S' });
    expect(seen).toEqual(['XL', DEFAULT_PREFS.textSize]);
  });
});
