import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originPatterns } from '@/lib/hosts';
import { useT } from '@/lib/i18n';
import { SUGGESTED_NEWS_SITES } from '@/lib/news-sites';

export function Welcome() {
  const t = useT();
  const [shortcut, setShortcut] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => {
    void browser.commands.getAll().then((all) => {
      setShortcut(all.find((c) => c.name === 'toggle-reader')?.shortcut ?? '');
    });
  }, []);
  const grantAll = async () => {
    const ok = await browser.permissions.request({
      origins: SUGGESTED_NEWS_SITES.flatMap((h) => originPatterns(h)),
    });
    if (!ok) return setStatus(t('confirmDenied'));
    for (const host of SUGGESTED_NEWS_SITES) await browser.runtime.sendMessage({ type: 'sites:add', host });
    setStatus(t('welcomeDone', [String(SUGGESTED_NEWS_SITES.length)]));
  };
  return (
    <>
      <h1>{t('welcomeTitle')}</h1>
      <p>
        {t('welcomeShortcut', ['\u0000']).split('\u0000')[0]}
        <kbd>{shortcut || '—'}</kbd>
        {t('welcomeShortcut', ['\u0000']).split('\u0000')[1]}
      </p>
      <h2>{t('welcomeSuggest')}</h2>
      <ul class="sites">
        {SUGGESTED_NEWS_SITES.map((h) => (
          <li key={h}>{h}</li>
        ))}
      </ul>
      <p class="muted">{t('welcomeNothing')}</p>
      <button type="button" class="primary" onClick={grantAll}>
        {t('welcomeSuggestButton')}
      </button>
      {status ? <p role="status">{status}</p> : null}
    </>
  );
}
