import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ConfirmSite } from '@/components/pages/ConfirmSite';
import '@/components/pages/pages.css';
import { browserTranslator, I18n } from '@/lib/i18n';

const t = browserTranslator(browser.i18n);
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('extName');
render(
  <I18n.Provider value={t}>
    <ConfirmSite site={new URLSearchParams(location.search).get('site')} />
  </I18n.Provider>,
  document.getElementById('app')!,
);
