import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ChoiceGroup } from '@/components/ChoiceGroup';
import { normalizeHost, originPatterns, schemesOf } from '@/lib/hosts';
import { useT } from '@/lib/i18n';
import {
  autoOpenSites,
  FONTS,
  getPrefs,
  getSites,
  LINE_HEIGHTS,
  type ReaderPrefs,
  readerPrefs,
  setPrefs,
  TEXT_SIZES,
  THEMES,
  WIDTHS,
} from '@/lib/settings';
import { exportSettings, importSettings } from '@/lib/settings-file';

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

async function grantedMap(sites: string[]): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    sites.map(async (h) => [h, await browser.permissions.contains({ origins: originPatterns(h) })] as const),
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
    return unwatch;
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
                  <button type="button" onClick={() => add(h)}>
                    {t('optionsAdd')}
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
        <ChoiceGroup
          label={t('textSize')}
          choices={TEXT_SIZES.map((v) => ({ value: v, label: v }))}
          value={prefs.textSize}
          onChange={(textSize) => save({ textSize })}
        />
        <ChoiceGroup
          label={t('theme')}
          choices={THEMES.map((v) => ({ value: v, label: t(`theme${cap(v)}`) }))}
          value={prefs.theme}
          onChange={(theme) => save({ theme })}
        />
        <ChoiceGroup
          label={t('font')}
          choices={FONTS.map((v) => ({ value: v, label: t(`font${cap(v)}`) }))}
          value={prefs.font}
          onChange={(font) => save({ font })}
        />
        <ChoiceGroup
          label={t('lineWidth')}
          choices={WIDTHS.map((v) => ({ value: v, label: t(`width${cap(v)}`) }))}
          value={prefs.width}
          onChange={(width) => save({ width })}
        />
        <ChoiceGroup
          label={t('lineHeight')}
          choices={LINE_HEIGHTS.map((v) => ({ value: v, label: t(`spacing${cap(v)}`) }))}
          value={prefs.lineHeight}
          onChange={(lineHeight) => save({ lineHeight })}
        />
      </div>
    </section>
  );
}

function Backup() {
  const t = useT();
  const [message, setMessage] = useState('');
  const exportFile = async () => {
    const text = exportSettings(await getPrefs(), await getSites());
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'calm-reader-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = importSettings(await file.text());
    if (!parsed) return setMessage(t('optionsBadFile'));
    await setPrefs(parsed.prefs);
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
            onChange={(e) => importFile(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      {message ? <p role="status">{message}</p> : null}
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
      <Backup />
    </>
  );
}
