import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { getBOMEncoding, labelToName, legacyHookDecode } from '@exodus/bytes/encoding.js';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { DEFAULT_TIMEOUT_S, type Job } from './args';
import { lowerCaseAttributes } from './attribute-case';
import { useSpecDocumentPosition } from './document-position';
import { mergeBodies, moveBodyContentOutOfHead, unwrapNestedRoots } from './head-content';
import { closeHeadingsAsBrowsersDo, unnestHeadings } from './headings';
import { useSplitText } from './split-text';
import { useSpecTreeWalker } from './tree-walker';

export interface Loaded {
  bytes: Buffer;
  url?: string;
  contentType?: string;
}

export interface LoadOptions {
  /** For URLs: the whole request, body included. */
  timeoutMs?: number;
}

const NET_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
};

/** A person-readable reason for a failed fetch (undici hides the real one in `cause`). */
function fetchFailure(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  const code = e.cause?.code;
  if (code) return `fetch failed: ${NET_CODES[code] ?? e.cause?.message ?? code} (${code})`;
  return `fetch failed: ${e.cause?.message ?? e.message}`;
}

async function loadUrl(job: Job, timeoutMs: number): Promise<Loaded> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(job.source, { signal, redirect: 'follow' });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
    }
    // The same signal bounds the body: a server that sends headers and then stalls times out too.
    const bytes = Buffer.from(await res.arrayBuffer());
    return { bytes, url: res.url || job.source, contentType: res.headers.get('content-type') ?? undefined };
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('HTTP ')) throw err;
    throw new Error(fetchFailure(err, timeoutMs));
  }
}

async function loadFile(job: Job): Promise<Loaded> {
  const fail = (err: unknown): never => {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a directory'
            : (err as Error).message;
    throw new Error(`cannot read ${job.source}: ${why}`);
  };
  // Look before reading: a directory, a FIFO with no writer or a device would fail late or never return.
  const info = await stat(job.source).catch(fail);
  if (info.isDirectory()) throw new Error(`cannot read ${job.source}: is a directory`);
  if (!info.isFile()) throw new Error(`cannot read ${job.source}: not a regular file`);
  const bytes = await readFile(job.source).catch(fail);
  return { bytes, url: job.url };
}

/** Reads a file or fetches a URL; throws an Error whose message is fit to show a person. */
export async function load(job: Job, opts: LoadOptions = {}): Promise<Loaded> {
  const loaded =
    job.kind === 'url' ? await loadUrl(job, opts.timeoutMs ?? DEFAULT_TIMEOUT_S * 1000) : await loadFile(job);
  return { ...loaded, bytes: await gunzipped(loaded.bytes, job.source) };
}

const inflate = promisify(gunzip);
/** A page larger than this once inflated is refused (a small .gz can hold gigabytes of zeros). */
export const MAX_INFLATED = 64 * 1024 * 1024;

/**
 * Saved pages are often kept gzipped (`page.html.gz`, and corpora store them so): such a file is read
 * as the page it holds. Recognised by gzip's magic bytes, not by the name. A URL's own
 * Content-Encoding is already undone by fetch; this only catches a server that sends a .gz file as is.
 */
export async function gunzipped(bytes: Buffer, source: string): Promise<Buffer> {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return await inflate(bytes, { maxOutputLength: MAX_INFLATED });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ERR_BUFFER_TOO_LARGE'
        ? `larger than ${MAX_INFLATED / 1024 / 1024} MB once decompressed`
        : 'a damaged or truncated gzip file';
    throw new Error(`cannot read ${source}: ${why}`);
  }
}

/** Binary data (images, archives) is refused with a clear message rather than parsed as HTML. */
export function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0xff && head[1] === 0xfe) return false; // UTF-16 LE BOM
  if (head[0] === 0xfe && head[1] === 0xff) return false; // UTF-16 BE BOM
  let controls = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  return head.length > 0 && controls / head.length > 0.1;
}

// ------------------------------------------------------------------------------------------ parsing

/**
 * The page as a DOM for the pipeline. HTML is parsed with linkedom, several times faster than jsdom
 * and all the pipeline needs (it reads no layout and no style sheets); DOMPurify still sanitizes in a
 * real jsdom window (`window`), which is also where the result lives. Other XML types go to jsdom.
 */
export interface ParsedPage {
  document: Document;
  /** The jsdom window DOMPurify binds to; `importNode` the article's content into its document. */
  window: Window;
  close(): void;
  /** linkedom (fast, not quite a browser's DOM) or jsdom (a browser's parser and DOM). */
  dom: 'linkedom' | 'jsdom';
}

const quiet = new VirtualConsole(); // page scripts do not run, and page CSS errors are not ours to print
let purifyWindow: Window | null = null;
// jsdom's own encoding sniffer (it ships no types).
const sniffHtmlEncoding = createRequire(import.meta.url)('html-encoding-sniffer') as (
  bytes: Uint8Array,
  opts: { transportLayerEncodingLabel?: string; defaultEncoding?: string },
) => string;

export function parsePage(loaded: Loaded, opts: { browserDom?: boolean } = {}): ParsedPage {
  const type = loaded.contentType && /html|xml/i.test(loaded.contentType) ? loaded.contentType : 'text/html';
  const html = /^\s*text\/html\b/i.test(type);
  const text = html ? decodeHtml(loaded.bytes, loaded.contentType) : '';
  // linkedom builds its tree around an <html> tag: a page that leaves it out (HTML allows that; one
  // development page starts with <head>) came out with an empty body, so such a page is parsed by
  // jsdom, which builds it as a browser does.
  if (html && !opts.browserDom && /<html[\s>]/i.test(text)) {
    purifyWindow ??= new JSDOM('', { virtualConsole: quiet }).window as unknown as Window;
    const { document } = parseHTML(closeHeadingsAsBrowsersDo(text));
    useSpecTreeWalker(document as unknown as Document);
    useSpecDocumentPosition(document as unknown as Document);
    useSplitText(document as unknown as Document);
    lowerCaseAttributes(document as unknown as Document);
    mergeBodies(document as unknown as Document);
    unwrapNestedRoots(document as unknown as Document);
    moveBodyContentOutOfHead(document as unknown as Document);
    unnestHeadings(document as unknown as Document);
    return {
      document: document as unknown as Document,
      window: purifyWindow,
      close: () => {},
      dom: 'linkedom',
    };
  }
  // HTML decoded as above (jsdom's own sniffer would fall back to windows-1252); XML by its own rules.
  const dom = new JSDOM(html ? text : loaded.bytes, {
    url: loaded.url ?? 'https://localhost/',
    contentType: type,
    virtualConsole: quiet,
  });
  // jsdom windows are not freed otherwise: a 1,500-page run would run out of heap.
  return {
    document: dom.window.document,
    window: dom.window as unknown as Window,
    close: () => dom.window.close(),
    dom: 'jsdom',
  };
}

/**
 * Runs `work` on the page in linkedom and, should it throw there, once more in jsdom. linkedom is
 * not a browser's DOM: six of its differences made the pipeline fail or misread pages until they
 * were found (cli/tree-walker.ts, cli/document-position.ts, cli/split-text.ts,
 * cli/attribute-case.ts, cli/head-content.ts, cli/headings.ts), and a page that finds a sixth should cost the slower
 * parse, not a failed line. A page that fails in jsdom too fails.
 */
export function withBrowserDomFallback<T>(loaded: Loaded, work: (page: ParsedPage) => T): T {
  const page = parsePage(loaded);
  try {
    return work(page);
  } catch (err) {
    if (page.dom !== 'linkedom') throw err;
  } finally {
    page.close();
  }
  const again = parsePage(loaded, { browserDom: true });
  try {
    return work(again);
  } finally {
    again.close();
  }
}

/**
 * HTML bytes to text, the encoding picked as a browser does, then as a careful guesser does where the
 * standard lets a browser guess: a byte-order mark or the transport's charset (an HTTP header) decide.
 * Else the page's <meta> declaration, in the first 1024 bytes or later in the <head> (a browser
 * re-reads the page when it meets one); but bytes that are valid UTF-8 and not plain ASCII are UTF-8
 * even where the page declares a legacy encoding, one-byte or not (a saved or re-encoded copy keeps the
 * declaration of its original: Mozilla's qq.com test page is UTF-8 under "gb2312"), since legacy text
 * almost never forms valid UTF-8: GBK, Big5 or Shift_JIS pairs put a byte below 0x80 or above 0xBF
 * where UTF-8 needs a continuation byte. Nothing declared: UTF-8 if valid,
 * else windows-1252. Decoded with the WHATWG tables (Node's own TextDecoder reads windows-1252 as
 * ISO-8859-1). jsdom's sniffer alone stops at windows-1252, which turned every curly quote of 164 of
 * the 1,358 development pages (UTF-8, declared late, wrongly or not at all) into "â€™".
 */
export function decodeHtml(bytes: Buffer, contentType?: string): string {
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const given = getBOMEncoding(data) ?? (charset && labelToName(charset));
  if (given) return legacyHookDecode(data, given);
  const meta = sniffHtmlEncoding(data, { defaultEncoding: '' }) || lateDeclaration(bytes);
  const valid = isUtf8(data);
  const encoding = valid && data.some((b) => b > 0x7f) ? 'UTF-8' : meta || (valid ? 'UTF-8' : 'windows-1252');
  return legacyHookDecode(data, encoding);
}

/** A <meta charset> (or http-equiv content type) in the head past the first 1024 bytes. */
function lateDeclaration(bytes: Buffer): string {
  const head = bytes.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/<body[\s>]/i);
  const label = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(end > 0 ? head.slice(0, end) : head)?.[1];
  return (label && labelToName(label)) || '';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8(data: Uint8Array): boolean {
  try {
    strictUtf8.decode(data);
    return true;
  } catch {
    return false;
  }
}
