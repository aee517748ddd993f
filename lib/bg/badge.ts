import { browser } from 'wxt/browser';

/** What the toolbar button shows on a page the detector judged to be a story. */
export const ARTICLE_BADGE = '≡';
const ARTICLE_COLOR = '#0b57d0';

/** Marks the tab's toolbar button: this page is a story that reader view can open. */
export async function markArticle(tabId: number): Promise<void> {
  // An error badge ('!') from the person's own click says more than ours: leave it.
  if ((await browser.action.getBadgeText({ tabId })) === '!') return;
  await browser.action.setBadgeBackgroundColor({ tabId, color: ARTICLE_COLOR });
  await browser.action.setBadgeText({ tabId, text: ARTICLE_BADGE });
  await browser.action.setTitle({ tabId, title: browser.i18n.getMessage('articleBadgeTitle') });
}

/** Clears the tab's badge (and its title) if it shows `text`. */
export async function clearBadgeIf(tabId: number, text: string): Promise<void> {
  if ((await browser.action.getBadgeText({ tabId })) !== text) return;
  await browser.action.setBadgeText({ tabId, text: '' });
  await browser.action.setTitle({ tabId, title: '' });
}
