import { describe, expect, it } from 'vitest';
import {
  allowedFor,
  fromOwnBackground,
  fromOwnContentScript,
  fromOwnExtensionPage,
  parseToBackground,
  parseToPipeline,
  parseToReader,
} from '@/lib/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('message schemas', () => {
  it('accepts exactly the known shapes', () => {
    expect(parseToReader({ type: 'reader:toggle' })).toEqual({ type: 'reader:toggle' });
    expect(parseToReader({ type: 'reader:open', auto: true, url: 'https://a.example/x' })).not.toBeNull();
    expect(parseToBackground({ type: 'sites:add', host: 'voanews.com' })).not.toBeNull();
    expect(parseToBackground({ type: 'detector:article', url: 'https://a.example/' })).not.toBeNull();
  });

  it.each([
    ['null', null],
    ['a string', 'reader:toggle'],
    ['an array', [{ type: 'reader:toggle' }]],
    ['an unknown type', { type: 'fetch', url: 'https://evil.example/' }],
    ['an extra key', { type: 'reader:toggle', url: 'https://evil.example/' }],
    ['a wrong value type', { type: 'reader:open', auto: 'yes', url: 'https://a.example/' }],
    ['a missing key', { type: 'reader:open', auto: true }],
    [
      'an oversized string',
      { type: 'reader:open', auto: true, url: `https://a.example/${'x'.repeat(5000)}` },
    ],
    ['a prototype key as type', { type: 'constructor' }],
  ])('rejects %s', (_name, raw) => {
    expect(parseToReader(raw)).toBeNull();
    expect(parseToBackground(raw)).toBeNull();
  });
});

describe("a page's DOM for the pipeline document", () => {
  const request = {
    type: 'reader:extract',
    nodes: '[["html",0,[],0]]',
    url: 'https://a.example/',
    base: 'https://a.example/',
  };

  it('takes a page whose address runs long (tracking parameters)', () => {
    expect(
      parseToBackground({ ...request, url: `https://a.example/?utm=${'x'.repeat(10_000)}` }),
    ).not.toBeNull();
  });

  it('goes from the reader to the background, and relayed from there to the document only', () => {
    expect(parseToBackground(request)).toEqual(request);
    expect(allowedFor(request as never, 'content')).toBe(true);
    expect(allowedFor(request as never, 'page')).toBe(false);
    expect(parseToPipeline({ ...request, type: 'offscreen:read' })).not.toBeNull();
    expect(parseToPipeline(request)).toBeNull();
    expect(parseToReader(request)).toBeNull();
  });

  it.each([
    ['nodes as a list instead of JSON text', { ...request, nodes: [['html', 0, [], 0]] }],
    ['more text than a message carries', { ...request, nodes: 'x'.repeat(64 * 1024 * 1024 + 1) }],
    ['no base', { ...request, base: undefined }],
    [
      'an address longer than a browser takes',
      { ...request, url: `https://a.example/${'x'.repeat(2 * 1024 * 1024)}` },
    ],
  ])('is refused with %s', (_name, raw) => {
    expect(parseToBackground(raw)).toBeNull();
  });
});

describe("a new reader's request for the story read ahead (lib/bg/read-ahead.ts)", () => {
  it('comes from a content script, with nothing else in it', () => {
    const ahead = { type: 'reader:ahead' };
    expect(parseToBackground(ahead)).toEqual(ahead);
    expect(allowedFor(ahead as never, 'content')).toBe(true);
    expect(allowedFor(ahead as never, 'page')).toBe(false);
    expect(parseToBackground({ ...ahead, tab: 3 })).toBeNull();
    expect(parseToPipeline(ahead)).toBeNull();
  });
});

describe('sender checks', () => {
  const tab = { id: 3, url: 'https://news.example/story' };
  it('content-script messages come from our extension, in a tab, from the top frame', () => {
    expect(fromOwnContentScript({ id: ID, tab, frameId: 0 }, ID)).toBe(true);
    expect(fromOwnContentScript({ id: 'other', tab, frameId: 0 }, ID)).toBe(false);
    expect(fromOwnContentScript({ id: ID, tab, frameId: 7 }, ID)).toBe(false);
    expect(fromOwnContentScript({ id: ID, frameId: 0 }, ID)).toBe(false);
  });

  it('page messages come from our own extension pages only', () => {
    expect(fromOwnExtensionPage({ id: ID, url: `${ORIGIN}options.html` }, ID, ORIGIN)).toBe(true);
    expect(fromOwnExtensionPage({ id: ID, url: 'https://evil.example/options.html' }, ID, ORIGIN)).toBe(
      false,
    );
    expect(fromOwnExtensionPage({ id: 'other', url: `${ORIGIN}options.html` }, ID, ORIGIN)).toBe(false);
  });

  it('the reader obeys only our background (no tab)', () => {
    expect(fromOwnBackground({ id: ID }, ID)).toBe(true);
    expect(fromOwnBackground({ id: ID, tab }, ID)).toBe(false);
    expect(fromOwnBackground({ id: 'other' }, ID)).toBe(false);
  });

  it('content scripts cannot change the site list; pages cannot drive the detector', () => {
    expect(allowedFor({ type: 'sites:add', host: 'a.example' }, 'content')).toBe(false);
    expect(allowedFor({ type: 'sites:remove', host: 'a.example' }, 'content')).toBe(false);
    expect(allowedFor({ type: 'detector:article', url: 'https://a.example/' }, 'page')).toBe(false);
    expect(allowedFor({ type: 'site:request-add' }, 'content')).toBe(true);
  });
});
