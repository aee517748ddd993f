import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome } from '@/components/pages/Welcome';
import '@/components/pages/pages.css';
import { browserTranslator, I18n } from '@/lib/i18n';

const t = browserTranslator(browser.i18n);
document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
document.title = t('welcomeTitle');
render(
  <I18n.Provider value={t}>
    <Welcome />
  </I18n.Provider>,
  document.getElementById('app')!,
);
