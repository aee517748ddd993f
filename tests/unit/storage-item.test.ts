import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem } from '@/lib/storage-item';

beforeEach(() => fakeBrowser.reset());

const settle = () => new Promise((r) => setTimeout(r, 0));

// The layout WXT's storage.defineItem wrote before (value under the key, { v } under key + "$"):
// what people's browsers already hold must read back unchanged.
describe('a versioned setting (lib/storage-item.ts)', () => {
  it('reads the fallback when nothing is stored, and records its version with the first write', async () => {
    const item = defineItem<string[]>('sync:sites', { fallback: [], version: 1, migrations: {} });
    expect(await item.getValue()).toEqual([]);
    await item.setValue(['a.com']);
    expect(await fakeBrowser.storage.sync.get(['sites', 'sites$'])).toEqual({
      sites: ['a.com'],
      sites$: { v: 1 },
    });
    await item.setValue(['b.com']);
    expect(await item.getValue()).toEqual(['b.com']);
  });

  it('reads a value written by the earlier storage library as it is', async () => {
    await fakeBrowser.storage.sync.set({ prefs: { size: 'XL' }, prefs$: { v: 1 } });
    const item = defineItem('sync:prefs', { fallback: { size: 'M' }, version: 1, migrations: {} });
    expect(await item.getValue()).toEqual({ size: 'XL' });
  });

  it('migrates an older value once, step by step, and records the new version', async () => {
    await fakeBrowser.storage.local.set({ size: 3 });
    const v2 = vi.fn((n: number) => ({ size: n }));
    const v3 = vi.fn((o: { size: number }) => ({ ...o, unit: 'step' }));
    const item = defineItem('local:size', { fallback: {}, version: 3, migrations: { 2: v2, 3: v3 } });
    expect(await item.getValue()).toEqual({ size: 3, unit: 'step' });
    expect(await fakeBrowser.storage.local.get('size$')).toEqual({ size$: { v: 3 } });
    defineItem('local:size', { fallback: {}, version: 3, migrations: { 2: v2, 3: v3 } });
    await settle();
    expect(v2).toHaveBeenCalledTimes(1);
    expect(v3).toHaveBeenCalledTimes(1);
  });

  it('does not run migrations backwards, and still reads the value (a newer version wrote it)', async () => {
    await fakeBrowser.storage.local.set({ size: 'new', size$: { v: 5 } });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const item = defineItem('local:size', { fallback: 'M', version: 2, migrations: { 2: () => 'old' } });
    expect(await item.getValue()).toBe('new');
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('calls back on changes of its own key and area only, with the fallback for a removal', async () => {
    const item = defineItem<boolean>('local:flag', { fallback: false });
    const seen: [boolean, boolean][] = [];
    const unwatch = item.watch((value, old) => seen.push([value, old]));
    await item.setValue(true);
    await fakeBrowser.storage.sync.set({ flag: false });
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.local.remove('flag');
    unwatch();
    await item.setValue(true);
    expect(seen).toEqual([
      [true, false],
      [false, true],
    ]);
  });
});
