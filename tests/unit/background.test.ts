import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARTICLE_BADGE, markArticle } from '@/lib/bg/badge';
import { MENU, onMenuClicked } from '@/lib/bg/menus';
import { closePipelineDocument } from '@/lib/bg/pipeline-doc';
import { toggleFromUser } from '@/lib/bg/reader-tab';
import { DETECTOR_ID, syncRegistrations } from '@/lib/bg/registration';
import { addSite, removeSite } from '@/lib/bg/sites';
import { wireBackground } from '@/lib/bg/wire';
import { tableTranslator } from '@/lib/i18n';
import { ALL_SITES, badgeAllSites, getSites } from '@/lib/settings';
import en from '@/public/_locales/en/messages.json';

// fakeBrowser has no scripting API and no permission store: stub both, record what we do.
const registered = new Map<string, { id: string; matches: string[] }>();
let granted = new Set<string>();
/** What the next permission prompt answers. */
let promptAnswer = true;
const prompts: string[][] = [];
const badges = new Map<number, string>();
const toReader: { tabId: number; msg: unknown }[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  registered.clear();
  granted = new Set([
    'https://voanews.com/*',
    'https://*.voanews.com/*',
    'http://voanews.com/*',
    'http://*.voanews.com/*',
  ]);
  const b = fakeBrowser as unknown as Record<string, unknown>;
  b.scripting = {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) =>
      ids.flatMap((id) => (registered.has(id) ? [registered.get(id)] : [])),
    ),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      for (const id of ids) registered.delete(id);
    }),
    registerContentScripts: vi.fn(async (scripts: { id: string; matches: string[] }[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    }),
  };
  promptAnswer = true;
  prompts.length = 0;
  badges.clear();
  toReader.length = 0;
  const noEvent = { addListener: () => undefined };
  b.permissions = {
    onAdded: noEvent,
    onRemoved: noEvent,
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      prompts.push(origins);
      if (promptAnswer) for (const o of origins) granted.add(o);
      return promptAnswer;
    }),
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      for (const o of origins) granted.delete(o);
      return true;
    }),
  };
  const t = tableTranslator(en);
  b.i18n = { getMessage: (key: string, subs?: string[]) => t(key, subs) };
  b.action = {
    ...fakeBrowser.action,
    getBadgeText: async ({ tabId }: { tabId: number }) => badges.get(tabId) ?? '',
    setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void badges.set(tabId, text),
    setBadgeBackgroundColor: async () => undefined,
    setTitle: async () => undefined,
  };
  b.commands = { onCommand: noEvent };
  b.contextMenus = { onClicked: noEvent };
  (b.runtime as Record<string, unknown>).openOptionsPage = vi.fn(async () => undefined);
  (b.tabs as Record<string, unknown>).sendMessage = vi.fn(async (tabId: number, msg: unknown) => {
    toReader.push({ tabId, msg });
    return 'ok';
  });
});

describe('site list writes', () => {
  it('two tabs adding at the same moment lose neither', async () => {
    await Promise.all([
      addSite('voanews.com'),
      addSite('https://www.bbc.co.uk/news/x'),
      addSite('apnews.com'),
    ]);
    expect((await getSites()).sort()).toEqual(['apnews.com', 'bbc.co.uk', 'voanews.com']);
  });

  it('refuses what is not a site name', async () => {
    await expect(addSite('javascript:alert(1)')).rejects.toThrow(/not a site name/);
    expect(await getSites()).toEqual([]);
  });

  it('removing a site gives its access back', async () => {
    await addSite('voanews.com');
    await removeSite('www.voanews.com');
    expect(await getSites()).toEqual([]);
    expect(granted.size).toBe(0);
  });

  it('reports a full sync storage clearly', async () => {
    const set = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = vi.fn(async () => {
      throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }) as typeof set;
    await expect(addSite('voanews.com')).rejects.toThrow(/synced settings are full/);
    fakeBrowser.storage.sync.set = set;
  });
});

describe('detector registration', () => {
  it('covers exactly the listed sites that were granted', async () => {
    await fakeBrowser.storage.sync.set({ autoOpenSites: ['voanews.com', 'notgranted.example'] });
    await syncRegistrations();
    expect(registered.get(DETECTOR_ID)?.matches.sort()).toEqual([...granted].sort());
  });

  it('unregisters when the list empties, and re-registers without duplicates', async () => {
    await fakeBrowser.storage.sync.set({ autoOpenSites: ['voanews.com'] });
    await Promise.all([syncRegistrations(), syncRegistrations(), syncRegistrations()]);
    expect(registered.size).toBe(1);
    await fakeBrowser.storage.sync.set({ autoOpenSites: [] });
    await syncRegistrations();
    expect(registered.size).toBe(0);
  });
});

describe('badge on every site (opt-in)', () => {
  const everywhere = () => registered.get(DETECTOR_ID)?.matches.filter((m) => ALL_SITES.includes(m)) ?? [];

  it('is off by default: the detector runs on the listed, granted sites only', async () => {
    granted.add('https://*/*').add('http://*/*'); // even with the access already there
    await fakeBrowser.storage.sync.set({ autoOpenSites: ['voanews.com'] });
    await syncRegistrations();
    expect(await badgeAllSites.getValue()).toBe(false);
    expect(everywhere()).toEqual([]);
    expect(registered.get(DETECTOR_ID)?.matches).toContain('https://voanews.com/*');
  });

  it('runs the detector on every site once opted in and granted, and stops when either goes', async () => {
    await badgeAllSites.setValue(true);
    await syncRegistrations();
    expect(everywhere()).toEqual([]); // opted in, but no all-sites access: nowhere new
    granted.add('https://*/*').add('http://*/*');
    await syncRegistrations();
    expect(registered.get(DETECTOR_ID)?.matches).toEqual([...ALL_SITES]);
    granted.delete('https://*/*');
    granted.delete('http://*/*');
    await syncRegistrations();
    expect(everywhere()).toEqual([]);
    granted.add('https://*/*').add('http://*/*');
    await badgeAllSites.setValue(false);
    await syncRegistrations();
    expect(everywhere()).toEqual([]);
  });
});

describe('toolbar badge on stories', () => {
  const sender = (url: string) => ({ id: fakeBrowser.runtime.id, frameId: 0, tab: { id: 7, url } });
  const detect = async (url: string, from = url) => {
    const reply = new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(
        { type: 'detector:article', url },
        sender(from) as never,
        resolve,
      );
    });
    return reply;
  };

  beforeEach(() => wireBackground(fakeBrowser));

  it('badges and opens a story on a listed site', async () => {
    await fakeBrowser.storage.sync.set({ autoOpenSites: ['voanews.com'] });
    expect(await detect('https://www.voanews.com/a/story.html')).toEqual({ ok: true });
    expect(badges.get(7)).toBe(ARTICLE_BADGE);
    expect(toReader).toEqual([
      { tabId: 7, msg: { type: 'reader:open', auto: true, url: 'https://www.voanews.com/a/story.html' } },
    ]);
  });

  it('badges, but never opens, a story elsewhere once opted in', async () => {
    await badgeAllSites.setValue(true);
    expect(await detect('https://example.org/2026/story')).toEqual({ ok: true });
    expect(badges.get(7)).toBe(ARTICLE_BADGE);
    expect(toReader).toEqual([]);
  });

  it('refuses a page not listed without the opt-in, and a report about another page', async () => {
    expect(await detect('https://example.org/2026/story')).toMatchObject({ ok: false });
    await fakeBrowser.storage.sync.set({ autoOpenSites: ['voanews.com'] });
    expect(await detect('https://voanews.com/a/x', 'https://voanews.com/a/y')).toMatchObject({ ok: false });
    expect(badges.size).toBe(0);
  });

  it("keeps an error badge from the person's own click, and clears ours when a single-page app moves on", async () => {
    badges.set(3, '!');
    await markArticle(3);
    expect(badges.get(3)).toBe('!');
    await markArticle(7);
    expect(badges.get(7)).toBe(ARTICLE_BADGE);
    await fakeBrowser.tabs.onUpdated.trigger(7, { url: 'https://example.org/next' }, {} as never);
    await vi.waitFor(() => expect(badges.get(7)).toBe(''));
  });
});

describe('toolbar button context menu', () => {
  const tab = { id: 4, url: 'https://www.voanews.com/a/story.html' };

  it('"Always open on this site" asks for that site, then lists it', async () => {
    granted.clear();
    await onMenuClicked(fakeBrowser, { menuItemId: MENU.add }, tab);
    expect(prompts).toEqual([['https://voanews.com/*', 'https://*.voanews.com/*']]);
    expect(await getSites()).toEqual(['voanews.com']);
  });

  it('lists nothing when the person refuses the prompt', async () => {
    granted.clear();
    promptAnswer = false;
    await onMenuClicked(fakeBrowser, { menuItemId: MENU.add }, tab);
    expect(await getSites()).toEqual([]);
  });

  it('"Stop opening on this site" unlists it and gives the access back', async () => {
    await addSite('voanews.com');
    await onMenuClicked(fakeBrowser, { menuItemId: MENU.remove }, tab);
    expect(await getSites()).toEqual([]);
    expect(granted.size).toBe(0);
  });

  it('"Options" (and any item on a page that is no site) opens the options page', async () => {
    await onMenuClicked(fakeBrowser, { menuItemId: MENU.options }, tab);
    await onMenuClicked(fakeBrowser, { menuItemId: MENU.add }, { url: 'chrome://settings/' });
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalledTimes(2);
    expect(prompts).toEqual([]);
  });
});

describe('reading a page in the pipeline document (lib/bg/pipeline-doc.ts)', () => {
  let documents = 0;
  let created = 0;
  const relayed: unknown[] = [];
  const ORIGIN = `chrome-extension://${fakeBrowser.runtime.id}/`;
  const request = {
    type: 'reader:extract',
    nodes: '[["html",0,[],0]]',
    url: 'https://a.example/s',
    base: 'https://a.example/',
  };
  const send = (msg: unknown, sender: Record<string, unknown>) =>
    new Promise((resolve) => {
      const handled = fakeBrowser.runtime.onMessage.trigger(msg, sender as never, resolve);
      void Promise.resolve(handled).then((results) => {
        if (!(results as unknown[]).some((r) => r === true)) resolve('no answer');
      });
    });
  const fromTab = (frameId = 0) => ({
    id: fakeBrowser.runtime.id,
    frameId,
    tab: { id: 7, url: 'https://a.example/s' },
  });

  beforeEach(async () => {
    documents = 0;
    created = 0;
    relayed.length = 0;
    const b = fakeBrowser as unknown as Record<string, unknown>;
    b.offscreen = {
      createDocument: vi.fn(async () => {
        await new Promise((r) => setTimeout(r, 5));
        if (documents) throw new Error('Only a single offscreen document may be created.');
        documents++;
        created++;
      }),
      closeDocument: vi.fn(async () => {
        documents = 0;
      }),
    };
    Object.assign(fakeBrowser.runtime, {
      getContexts: vi.fn(async () =>
        Array.from({ length: documents }, () => ({ contextType: 'OFFSCREEN_DOCUMENT' })),
      ),
      sendMessage: vi.fn(async (msg: unknown) => {
        relayed.push(msg);
        if (!documents) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { ok: true, article: { title: 'from the document' } };
      }),
    });
    // What the worker remembers of the last test's document (a new worker knows nothing).
    await closePipelineDocument();
    vi.mocked(fakeBrowser.runtime.getContexts).mockClear();
    wireBackground(fakeBrowser);
  });

  it("relays a reader's request to one document, created once for requests at the same moment", async () => {
    const replies = await Promise.all([send(request, fromTab()), send(request, fromTab())]);
    expect(replies).toEqual([
      { ok: true, article: { title: 'from the document' } },
      { ok: true, article: { title: 'from the document' } },
    ]);
    expect(created).toBe(1);
    expect(relayed).toEqual([
      { type: 'offscreen:read', nodes: request.nodes, url: request.url, base: request.base },
      { type: 'offscreen:read', nodes: request.nodes, url: request.url, base: request.base },
    ]);
  });

  it('creates the document again once it has closed itself after a while without work', async () => {
    await send(request, fromTab());
    await send({ type: 'offscreen:idle' }, { id: fakeBrowser.runtime.id, url: `${ORIGIN}offscreen.html` });
    expect(documents).toBe(0);
    expect(await send(request, fromTab())).toMatchObject({ ok: true });
    expect(created).toBe(2);
  });

  it('starts creating the document as soon as a click injects the reader', async () => {
    const b = fakeBrowser as unknown as Record<string, unknown>;
    let readerIn = false;
    b.scripting = {
      executeScript: vi.fn(async () => {
        readerIn = true;
      }),
    };
    (b.tabs as Record<string, unknown>).sendMessage = vi.fn(async () => {
      if (!readerIn) throw new Error('Could not establish connection. Receiving end does not exist.');
      return 'ok';
    });
    await toggleFromUser(7);
    expect(fakeBrowser.offscreen.createDocument).toHaveBeenCalledTimes(1);
    expect(badges.get(7) ?? '').toBe('');
    await vi.waitFor(() => expect(created).toBe(1));
  });

  it('asks the browser whether the document is open once, not on every click', async () => {
    await send(request, fromTab());
    await send(request, fromTab());
    expect(fakeBrowser.runtime.getContexts).toHaveBeenCalledTimes(1);
    // Gone without a word from it (its process ended): the next request finds out and makes another.
    documents = 0;
    expect(await send(request, fromTab())).toMatchObject({ ok: true });
    expect(created).toBe(2);
  });

  describe('a click reads the page while the reader is being injected (lib/bg/read-ahead.ts)', () => {
    const page = { nodes: request.nodes, url: request.url, base: request.base };
    let injected: string[] = [];
    let captured: unknown = page;

    beforeEach(() => {
      injected = [];
      captured = page;
      const b = fakeBrowser as unknown as Record<string, unknown>;
      b.scripting = {
        executeScript: vi.fn(async ({ files }: { files: string[] }) => {
          injected.push(...files);
          return files[0] === '/capture.js' ? [{ frameId: 0, result: captured }] : [{ frameId: 0 }];
        }),
      };
      (b.tabs as Record<string, unknown>).sendMessage = vi.fn(async () => {
        if (!injected.includes('/content-scripts/reader.js'))
          throw new Error('Could not establish connection. Receiving end does not exist.');
        return 'ok';
      });
    });

    it("captures the page first, and hands the story to that tab's new reader, once", async () => {
      await toggleFromUser(7);
      expect(injected).toEqual(['/capture.js', '/content-scripts/reader.js']);
      expect(
        await send({ type: 'reader:ahead' }, { ...fromTab(), tab: { id: 8, url: request.url } }),
      ).toEqual({
        none: true,
      });
      expect(await send({ type: 'reader:ahead' }, fromTab())).toEqual({
        url: request.url,
        reply: { ok: true, article: { title: 'from the document' } },
      });
      expect(relayed).toEqual([{ type: 'offscreen:read', ...page }]);
      expect(await send({ type: 'reader:ahead' }, fromTab())).toEqual({ none: true });
    });

    it.each([
      ['no HTML page', null],
      ['nodes that are no text', { ...page, nodes: [['html', 0, [], 0]] }],
      ['no address', { ...page, url: undefined }],
    ])('leaves the reader to read the page itself when the capture gives %s', async (_, result) => {
      captured = result;
      await toggleFromUser(7);
      expect(await send({ type: 'reader:ahead' }, fromTab())).toEqual({ none: true });
      expect(relayed).toEqual([]);
    });

    it('captures nothing when the tab already has its reader', async () => {
      injected.push('/content-scripts/reader.js');
      await toggleFromUser(7);
      expect(injected).toEqual(['/content-scripts/reader.js']);
      expect(await send({ type: 'reader:ahead' }, fromTab())).toEqual({ none: true });
    });
  });

  it('takes requests from our reader in a top frame only, and "close" from the document only', async () => {
    expect(await send(request, fromTab(3))).toBe('no answer');
    expect(await send(request, { ...fromTab(), id: 'another-extension' })).toBe('no answer');
    expect(await send({ ...request, nodes: [['html', 0, [], 0]] }, fromTab())).toBe('no answer');
    await send(request, fromTab());
    expect(
      await send({ type: 'offscreen:idle' }, { id: fakeBrowser.runtime.id, url: `${ORIGIN}options.html` }),
    ).toBe('no answer');
    expect(await send({ type: 'offscreen:idle' }, fromTab())).toBe('no answer');
    expect(documents).toBe(1);
    expect(relayed).toHaveLength(1);
  });
});
