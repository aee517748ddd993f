/**
 * Every message the extension's parts exchange, and the checks each receiver applies.
 * There is deliberately no generic relay: no "fetch this", no "open this URL".
 */

export type ToReader = { type: 'reader:toggle' } | { type: 'reader:open'; auto: true; url: string };

export type ToBackground =
  | { type: 'detector:article'; url: string }
  | ReadRequest
  | { type: 'reader:ahead' }
  | { type: 'offscreen:idle' }
  | { type: 'site:request-add' }
  | { type: 'sites:add'; host: string }
  | { type: 'sites:remove'; host: string };

/**
 * The reader hands its page's DOM (lib/dom-wire.ts) to the background, which has the pipeline
 * document read it (see lib/bg/pipeline-doc.ts); `base` is the page's base address, for its
 * relative links.
 */
export type ReadRequest = { type: 'reader:extract'; nodes: string; url: string; base: string };

/**
 * `reader:ahead`: a newly injected reader asks for the story the background had read while it was
 * being injected (lib/bg/read-ahead.ts), before it sends the page itself.
 */

/** The background to the pipeline document: the same request, relayed. */
export type ToPipeline = Omit<ReadRequest, 'type'> & { type: 'offscreen:read' };

export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

type Shape = Record<string, 'string' | 'true' | 'wire' | 'address'>;

/**
 * A page's nodes, as JSON text (lib/capture.ts): long (the pathological test page has 400,000 nodes),
 * but no longer than a message the browser carries (64 MiB). Their shape is checked where they are
 * rebuilt (lib/read-page.ts).
 */
const MAX_WIRE = 64 * 1024 * 1024;
/** A page's own address: tracking parameters run long, and Chromium takes two million characters. */
const MAX_ADDRESS = 2 * 1024 * 1024;

const READER_SHAPES: Record<ToReader['type'], Shape> = {
  'reader:toggle': {},
  'reader:open': { auto: 'true', url: 'string' },
};

const BACKGROUND_SHAPES: Record<ToBackground['type'], Shape> = {
  'detector:article': { url: 'string' },
  'reader:extract': { nodes: 'wire', url: 'address', base: 'address' },
  'reader:ahead': {},
  'offscreen:idle': {},
  'site:request-add': {},
  'sites:add': { host: 'string' },
  'sites:remove': { host: 'string' },
};

/** Exactly the listed keys, each of the listed kind; strings bounded so a page cannot flood us. */
function matches(msg: Record<string, unknown>, shape: Shape): boolean {
  const keys = Object.keys(msg).filter((k) => k !== 'type');
  if (keys.length !== Object.keys(shape).length) return false;
  return keys.every((k) => {
    const kind = shape[k];
    const v = msg[k];
    if (kind === 'true') return v === true;
    if (kind === 'wire') return typeof v === 'string' && v.length <= MAX_WIRE;
    if (kind === 'address') return typeof v === 'string' && v.length <= MAX_ADDRESS;
    return kind === 'string' && typeof v === 'string' && v.length <= 4096;
  });
}

function parse<T extends { type: string }>(raw: unknown, shapes: Record<string, Shape>): T | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const msg = raw as Record<string, unknown>;
  if (typeof msg.type !== 'string' || !Object.hasOwn(shapes, msg.type)) return null;
  return matches(msg, shapes[msg.type]) ? (msg as unknown as T) : null;
}

export const parseToReader = (raw: unknown) => parse<ToReader>(raw, READER_SHAPES);
export const parseToBackground = (raw: unknown) => parse<ToBackground>(raw, BACKGROUND_SHAPES);
export const parseToPipeline = (raw: unknown) =>
  parse<ToPipeline>(raw, { 'offscreen:read': BACKGROUND_SHAPES['reader:extract'] });

/** Messages from our own content script in a tab's top frame. */
export function fromOwnContentScript(sender: SenderLike, extensionId: string): boolean {
  return sender.id === extensionId && !!sender.tab && sender.frameId === 0;
}

/** Messages from one of our own extension pages (options, confirm, welcome). */
export function fromOwnExtensionPage(
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  return (
    sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)
  );
}

/** In a content script: only the background (no tab) of our own extension may drive the reader. */
export function fromOwnBackground(sender: SenderLike, extensionId: string): boolean {
  return sender.id === extensionId && !sender.tab;
}

/** Which messages each kind of sender may send. */
export function allowedFor(msg: ToBackground, kind: 'content' | 'page'): boolean {
  if (kind === 'content')
    return (
      msg.type === 'detector:article' ||
      msg.type === 'site:request-add' ||
      msg.type === 'reader:extract' ||
      msg.type === 'reader:ahead'
    );
  return msg.type === 'sites:add' || msg.type === 'sites:remove';
}
