import type { browser as wxtBrowser } from 'wxt/browser';

type Browser = typeof wxtBrowser;

import { hostIsListed, normalizeHost } from '../hosts';
import {
  allowedFor,
  fromOwnContentScript,
  fromOwnExtensionPage,
  parseToBackground,
  type SenderLike,
  type ToBackground,
} from '../messages';
import { autoOpenSites, badgeAllSites, getSites } from '../settings';
import { ARTICLE_BADGE, clearBadgeIf, markArticle } from './badge';
import { createMenus, onMenuClicked } from './menus';
import { closePipelineDocument, readInPipelineDocument } from './pipeline-doc';
import { takeAhead } from './read-ahead';
import { driveReader, toggleFromUser } from './reader-tab';
import { syncRegistrations } from './registration';
import { addSite, removeSite } from './sites';

type Reply = { ok: true; sites?: string[] } | { ok: false; error: string };

/** Whatever the reason (not this page, a site not listed, a message out of place): no. */
const REFUSED: Reply = { ok: false, error: 'refused' };

/** Every listener is registered synchronously at start-up, as MV3 service workers require. */
export function wireBackground(browser: Browser): void {
  browser.runtime.onInstalled.addListener((details) => {
    createMenus(browser);
    void syncRegistrations();
    if (details.reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void syncRegistrations());

  browser.action.onClicked.addListener((tab) => {
    if (tab.id !== undefined) void toggleFromUser(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-reader' && tab?.id !== undefined) void toggleFromUser(tab.id);
  });

  // Another device's sync, the options page, another tab: whoever changes the list, the
  // registration follows without a restart.
  autoOpenSites.watch(() => void syncRegistrations());
  badgeAllSites.watch(() => void syncRegistrations());
  browser.permissions.onAdded.addListener(() => void syncRegistrations());
  browser.permissions.onRemoved.addListener(() => void syncRegistrations());

  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(browser, info, tab));

  // A single-page app moved on (a full page load resets the badge by itself): forget our mark
  // until the detector judges the new view.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void clearBadgeIf(tabId, ARTICLE_BADGE).catch(() => undefined);
  });

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const msg = parseToBackground(raw);
    if (!msg) return;
    const reply = route(browser, msg, sender as SenderLike);
    if (!reply) return;
    reply.then(sendResponse, (err: Error) => sendResponse({ ok: false, error: err.message } satisfies Reply));
    return true;
  });
}

function route(browser: Browser, msg: ToBackground, sender: SenderLike): Promise<unknown> | null {
  const id = browser.runtime.id;
  if (msg.type === 'offscreen:idle')
    return sender.id === id && sender.url === browser.runtime.getURL('/offscreen.html')
      ? closePipelineDocument().then(() => ({ ok: true }))
      : null;
  if (fromOwnContentScript(sender, id) && allowedFor(msg, 'content'))
    return fromContent(browser, msg, sender);
  if (fromOwnExtensionPage(sender, id, browser.runtime.getURL('/')) && allowedFor(msg, 'page')) {
    return fromPage(msg);
  }
  return null;
}

async function fromContent(browser: Browser, msg: ToBackground, sender: SenderLike): Promise<unknown> {
  // The pipeline document's reply goes back as it is: the reader validates and sanitizes it.
  if (msg.type === 'reader:extract') return readInPipelineDocument(msg);
  const tabId = sender.tab?.id;
  const tabUrl = sender.tab?.url;
  const host = tabUrl ? normalizeHost(tabUrl) : null;
  if (msg.type === 'reader:ahead') return tabId === undefined ? REFUSED : takeAhead(tabId);
  if (tabId === undefined || !tabUrl || !host) return REFUSED;
  if (msg.type === 'detector:article') {
    // Only for the page the detector actually runs in: on a site the person listed and granted
    // (badge, and open), or anywhere once they opted in to the badge on every site (badge only).
    const listed = hostIsListed(host, await getSites());
    if (msg.url !== tabUrl || (!listed && !(await badgeAllSites.getValue()))) return REFUSED;
    await markArticle(tabId);
    if (listed) await driveReader(tabId, { type: 'reader:open', auto: true, url: tabUrl });
    return { ok: true };
  }
  if (msg.type === 'site:request-add') {
    // The page never names the site: we take it from the tab the request came from.
    const origin = new URL(tabUrl).origin;
    const url = browser.runtime.getURL(`/confirm.html?site=${encodeURIComponent(origin)}`);
    await browser.windows.create({ url, type: 'popup', width: 480, height: 320 });
    return { ok: true };
  }
  return REFUSED;
}

async function fromPage(msg: ToBackground): Promise<Reply> {
  if (msg.type === 'sites:add') return { ok: true, sites: await addSite(msg.host) };
  if (msg.type === 'sites:remove') return { ok: true, sites: await removeSite(msg.host) };
  return REFUSED;
}
