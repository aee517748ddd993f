import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { normalizeHost, originPatterns, schemesOf } from '@/lib/hosts';
import { useT } from '@/lib/i18n';

type Phase = 'ask' | 'done' | 'denied' | 'error';

/**
 * Content scripts may not ask for permissions, so "Always open on this site" in the overlay
 * opens this small extension page, where the person's click can.
 */
export function ConfirmSite({ site }: { site: string | null }) {
  const t = useT();
  const host = normalizeHost(site);
  const [phase, setPhase] = useState<Phase>('ask');
  const [error, setError] = useState('');
  if (!host) return <p role="alert">{t('confirmBadSite')}</p>;

  const allow = async () => {
    // The request comes first, straight from the click: browsers refuse it after an await.
    const granted = await browser.permissions.request({ origins: originPatterns(host, schemesOf(site)) });
    if (!granted) return setPhase('denied');
    const reply = await browser.runtime.sendMessage({ type: 'sites:add', host });
    if (reply?.ok) {
      setPhase('done');
      setTimeout(() => window.close(), 1500);
    } else {
      setError(reply?.error ?? '');
      setPhase('error');
    }
  };

  return (
    <section class="card">
      <h1>{t('confirmTitle', [host])}</h1>
      {phase === 'ask' ? (
        <>
          <p>{t('confirmBody', [host])}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={allow}>
              {t('confirmAllow')}
            </button>
            <button type="button" onClick={() => window.close()}>
              {t('confirmCancel')}
            </button>
          </div>
        </>
      ) : (
        <p role="status">
          {phase === 'done' ? t('confirmDone', [host]) : phase === 'denied' ? t('confirmDenied') : error}
        </p>
      )}
    </section>
  );
}
