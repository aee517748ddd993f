import { readFile } from 'node:fs/promises';
import type { Job } from './args';

const FETCH_TIMEOUT_MS = 20000;

export interface Loaded {
  bytes: Buffer;
  url?: string;
  contentType?: string;
}

/** Reads a file or fetches a URL; throws an Error whose message is fit to show a person. */
export async function load(job: Job): Promise<Loaded> {
  if (job.kind === 'url') {
    let res: Response;
    try {
      res = await fetch(job.source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    } catch (err) {
      const e = err as Error;
      throw new Error(
        e.name === 'TimeoutError'
          ? `timed out after ${FETCH_TIMEOUT_MS / 1000} s`
          : `fetch failed: ${e.message}`,
      );
    }
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
    return {
      bytes: Buffer.from(await res.arrayBuffer()),
      url: res.url || job.source,
      contentType: res.headers.get('content-type') ?? undefined,
    };
  }
  try {
    return { bytes: await readFile(job.source), url: job.url };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a directory'
            : (err as Error).message;
    throw new Error(`cannot read ${job.source}: ${why}`);
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
