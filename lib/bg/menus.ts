import type { browser as wxtBrowser } from 'wxt/browser';

type Browser = typeof wxtBrowser;

export const MENU = { add: 'site-add', remove: 'site-remove', options: 'options' } as const;

/** The toolbar button's context menu. */
export function createMenus(browser: Browser): void {
  const t = (key: 'menuAdd' | 'menuRemove' | 'menuOptions', fallback: string) =>
    browser.i18n.getMessage(key) || fallback;
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({
      id: MENU.add,
      title: t('menuAdd', 'Always open on this site'),
      contexts: ['action'],
    });
    browser.contextMenus.create({
      id: MENU.remove,
      title: t('menuRemove', 'Stop opening on this site'),
      contexts: ['action'],
    });
    browser.contextMenus.create({
      id: MENU.options,
      title: t('menuOptions', 'Options'),
      contexts: ['action'],
    });
  });
}
