import type { browser as wxtBrowser } from 'wxt/browser';
import { normalizeHost, originPatterns, schemesOf } from '../hosts';
import { addSite, removeSite } from './sites';

type Browser = typeof wxtBrowser;

export const MENU = { add: 'site-add', remove: 'site-remove', options: 'options' } as const;

/** The toolbar button's context menu. */
export function createMenus(browser: Browser): void {
  const t = (key: 'menuAdd' | 'menuRemove' | 'menuOptions') => browser.i18n.getMessage(key);
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: MENU.add, title: t('menuAdd'), contexts: ['action'] });
    browser.contextMenus.create({ id: MENU.remove, title: t('menuRemove'), contexts: ['action'] });
    browser.contextMenus.create({ id: MENU.options, title: t('menuOptions'), contexts: ['action'] });
  });
}

/**
 * What a click on one of those items does: the contextMenus.onClicked listener calls exactly
 * this. Adding asks for the site first (the click is the user gesture permissions.request needs).
 */
export async function onMenuClicked(
  browser: Browser,
  info: { menuItemId: string | number },
  tab: { url?: string } | undefined,
): Promise<void> {
  const host = tab?.url ? normalizeHost(tab.url) : null;
  if (info.menuItemId === MENU.options || !host) {
    await browser.runtime.openOptionsPage();
    return;
  }
  if (info.menuItemId === MENU.add) {
    // permissions.request must be the first thing a user-gesture handler does.
    const granted = await browser.permissions.request({ origins: originPatterns(host, schemesOf(tab?.url)) });
    if (granted) await addSite(host);
  } else if (info.menuItemId === MENU.remove) {
    await removeSite(host);
  }
}
