import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PrefGroups } from '@/components/PrefGroups';
import { normalizeHost, originPatterns, schemesOf } from '@/lib/hosts';
import { useT } from '@/lib/i18n';
import {
  ALL_SITES,
  autoOpenSites,
  badgeAllSites,
  getPrefs,
  getSites,
  type ReaderPrefs,
  readerPrefs,
  setPrefs,
} from '@/lib/settings';
import { exportSettings, importSettings } from '@/lib/settings-file';

/** A listed site is active when any of its origins is granted (http only is enough for an http site). */
async function grantedMap(sites: string[]): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    sites.map(async (h) => {
      const each = await Promise.all(
        originPatterns(h).map((p) => browser.permissions.contains({ origins: [p] })),
      );
      return [h, each.some(Boolean)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function SiteList() {
  const t = useT();
  const [sites, setSites] = useState<string[]>([]);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [input, setInput] = useState('');
  const [message, setMessage] = useState('');

  const refresh = async () => {
    const list = await getSites();
    setSites(list);
    setGranted(await grantedMap(list));
  };
  useEffect(() => {
    void refresh();
    const unwatch = autoOpenSites.watch(() => void refresh());
    // Access can change elsewhere too (the browser's own settings, the all-sites option).
    const onChange = () => void refresh();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      unwatch();
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);

  const add = async (raw: string) => {
    const host = normalizeHost(raw);
    if (!host) return setMessage(t('optionsBadSite', [raw]));
    // Ask first, straight from the click, before any other await.
    const ok = await browser.permissions.request({ origins: originPatterns(host, schemesOf(raw)) });
    if (!ok) return setMessage(t('optionsDenied', [host]));
    const reply = await browser.runtime.sendMessage({ type: 'sites:add', host });
    setMessage(reply?.ok ? '' : (reply?.error ?? ''));
    setInput('');
    await refresh();
  };
  const remove = async (host: string) => {
    await browser.runtime.sendMessage({ type: 'sites:remove', host });
    await refresh();
  };

  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">{t('optionsSites')}</h2>
      <p class="muted">{t('optionsSitesHelp')}</p>
      {sites.length ? (
        <ul class="sites">
          {sites.map((h) => (
            <li key={h}>
              <span>{h}</span>
              <span class="row">
                {granted[h] ? null : (
                  <button type="button" onClick={() => add(h)} aria-label={t('optionsGrantSite', [h])}>
                    {t('optionsGrant')}
                  </button>
                )}
                <button type="button" onClick={() => remove(h)} aria-label={t('optionsRemove', [h])}>
                  ×
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('optionsNoSites')}</p>
      )}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void add(input);
        }}
      >
        <label for="site-input" class="visually-hidden">
          {t('optionsAddLabel')}
        </label>
        <input
          id="site-input"
          type="text"
          value={input}
          placeholder="voanews.com"
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit">{t('optionsAdd')}</button>
      </form>
      {message ? <p role="alert">{message}</p> : null}
    </section>
  );
}

function Defaults() {
  const t = useT();
  const [prefs, setLocal] = useState<ReaderPrefs | null>(null);
  useEffect(() => {
    void getPrefs().then(setLocal);
    return readerPrefs.watch(() => void getPrefs().then(setLocal));
  }, []);
  if (!prefs) return null;
  const save = (patch: Partial<ReaderPrefs>) => void setPrefs(patch).then(setLocal);
  return (
    <section aria-labelledby="defaults-h">
      <h2 id="defaults-h">{t('optionsDefaults')}</h2>
      <div class="row">
        <PrefGroups
          keys={['textSize', 'theme', 'font', 'width', 'lineHeight', 'speechRate']}
          prefs={prefs}
          onPrefs={save}
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={prefs.highlightQuotes}
          onChange={(e) => save({ highlightQuotes: e.currentTarget.checked })}
        />
        {t('highlightQuotes')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={prefs.showImages}
          onChange={(e) => save({ showImages: e.currentTarget.checked })}
        />
        {t('images')}
      </label>
    </section>
  );
}

/** Opt-in: badge stories on every site. Asks for all-sites access only when ticked. */
function BadgeEverywhere() {
  const t = useT();
  const [on, setOn] = useState(false);
  const [message, setMessage] = useState('');
  const refresh = async () => {
    const granted = await browser.permissions.contains({ origins: [...ALL_SITES] });
    setOn(granted && (await badgeAllSites.getValue()));
  };
  useEffect(() => {
    void refresh();
    const unwatch = badgeAllSites.watch(() => void refresh());
    return unwatch;
  }, []);
  const change = async (want: boolean) => {
    setMessage('');
    if (want) {
      // Straight from the click, before any other await.
      const granted = await browser.permissions.request({ origins: [...ALL_SITES] });
      if (!granted) {
        setMessage(t('optionsBadgeDenied'));
        return refresh();
      }
      await badgeAllSites.setValue(true);
    } else {
      // Chromium's removal of a wildcard also takes every site it covers, the person's
      // auto-open sites too: note them, then ask for them again (no prompt: granted before).
      const own = ((await browser.permissions.getAll()).origins ?? []).filter((o) => !ALL_SITES.includes(o));
      await badgeAllSites.setValue(false);
      await browser.permissions.remove({ origins: [...ALL_SITES] }).catch(() => false);
      if (own.length) await browser.permissions.request({ origins: own }).catch(() => false);
    }
    await refresh();
  };
  return (
    <section aria-labelledby="badge-h">
      <h2 id="badge-h">{t('optionsBadgeTitle')}</h2>
      <label class="check">
        <input type="checkbox" checked={on} onChange={(e) => void change(e.currentTarget.checked)} />
        {t('optionsBadge')}
      </label>
      <p class="muted">{t('optionsBadgeHelp')}</p>
      {message ? <p role="alert">{message}</p> : null}
    </section>
  );
}

function Backup() {
  const t = useT();
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);
  const exportFile = async () => {
    const text = exportSettings(await getPrefs(), await getSites());
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'calm-reader-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again
    if (!file) return;
    // Nothing is written unless the whole file is valid: a bad file costs no settings.
    const parsed = file.size <= 1_000_000 ? importSettings(await file.text().catch(() => '')) : null;
    setFailed(!parsed);
    if (!parsed) return setMessage(t('optionsBadFileNamed', [file.name]));
    await setPrefs(parsed.prefs);
    // Imported sites are listed; each still needs its access granted here (the browser's rule).
    for (const host of parsed.autoOpenSites) await browser.runtime.sendMessage({ type: 'sites:add', host });
    setMessage(t('optionsImported'));
  };
  return (
    <section aria-labelledby="backup-h">
      <h2 id="backup-h">{t('optionsBackup')}</h2>
      <div class="row">
        <button type="button" onClick={exportFile}>
          {t('optionsExport')}
        </button>
        <label class="row">
          {t('optionsImport')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
      </div>
      {message ? <p role={failed ? 'alert' : 'status'}>{message}</p> : null}
    </section>
  );
}

export function Options() {
  const t = useT();
  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <SiteList />
      <Defaults />
      <BadgeEverywhere />
      <Backup />
    </>
  );
}
