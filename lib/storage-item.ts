/**
 * A typed, versioned setting in `browser.storage`, stored exactly as WXT's `storage.defineItem` stores
 * it: the value under its key, `{ v: version }` under the key plus "$", migrations run once from the
 * stored version up to the current one. So what earlier versions of the extension wrote reads back
 * unchanged. Ours rather than WXT's because @wxt-dev/storage is one object carrying its whole API
 * (snapshots, metadata, batches, a mutex: about 3 kB gzipped, half the background's 6 kB budget) and
 * none of it can be tree-shaken. https://wxt.dev/storage.html#versioning-with-migrations
 */
import { browser } from 'wxt/browser';

type Area = 'local' | 'sync' | 'session';

export interface StorageItem<T> {
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls back on every change, from any context; returns the unwatch. */
  watch(cb: (value: T, old: T) => void): () => void;
}

export interface ItemOptions<T> {
  fallback: T;
  version?: number;
  /** Version n's migration turns a version n − 1 value into a version n value. */
  // biome-ignore lint/suspicious/noExplicitAny: a stored value of an older shape is anyone's guess.
  migrations?: Record<number, (old: any) => unknown>;
}

export function defineItem<T>(id: `${Area}:${string}`, opts: ItemOptions<T>): StorageItem<T> {
  const [area, key] = id.split(':', 2) as [Area, string];
  const metaKey = `${key}$`;
  const store = () => browser.storage[area];
  const version = opts.version ?? 1;
  /** A value written by this item for the first time also records its version (as WXT does). */
  let recordVersion = false;

  const migrate = async () => {
    const got = await store().get([key, metaKey]);
    const value = got[key];
    const meta = (got[metaKey] ?? {}) as { v?: number };
    recordVersion = value == null && meta.v == null;
    if (value == null) return;
    const from = meta.v ?? 1;
    if (from > version) throw new Error(`Version downgrade detected (v${from} -> v${version}) for "${id}"`);
    let next = value;
    for (let v = from + 1; v <= version; v++) next = (await opts.migrations?.[v]?.(next)) ?? next;
    if (from < version) await store().set({ [key]: next, [metaKey]: { ...meta, v: version } });
  };
  const ready = opts.migrations
    ? migrate().catch((err) => console.error(`Migration failed for ${id}`, err))
    : Promise.resolve();

  return {
    fallback: opts.fallback,
    async getValue() {
      await ready;
      return ((await store().get(key))[key] ?? opts.fallback) as T;
    },
    async setValue(value) {
      await ready;
      const write: Record<string, unknown> = { [key]: value };
      if (recordVersion) write[metaKey] = { v: version };
      recordVersion = false;
      await store().set(write);
    },
    watch(cb) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, at: string) => {
        const change = changes[key];
        if (at !== area || !change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue))
          return;
        cb((change.newValue ?? opts.fallback) as T, (change.oldValue ?? opts.fallback) as T);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
