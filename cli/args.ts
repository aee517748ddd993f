export type Format = 'json' | 'html' | 'text';

export interface Job {
  source: string;
  /** A local file, or an http(s) URL to fetch. */
  kind: 'file' | 'url';
  /** The page's address (for detection and relative links). */
  url?: string;
}

export interface CliOptions {
  jobs: Job[];
  format: Format;
  outDir?: string;
  manifest?: string;
  /** Per-URL limit for the whole request, body included. */
  timeoutMs: number;
}

/** A server that never answers must not stall a run of many inputs. */
export const DEFAULT_TIMEOUT_S = 15;

export class UsageError extends Error {}

export const USAGE = `usage: npm run extract -- INPUT... [--url URL] [--manifest LIST.jsonl] [--format json|html|text] [--out DIR] [--timeout SECONDS]
  INPUT        an HTML file (gzipped or not) or an http(s) URL
  --url        the address of a single file input
  --manifest   a file of {"file": PATH, "url": URL} lines
  --timeout    seconds to wait for each URL, body included (default ${DEFAULT_TIMEOUT_S})
  --format     json (default): one object per input per line; text: the article body;
               html: a standalone reader page (several inputs need --out DIR)`;

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Parses argv; manifest lines are read by the caller (they need the file system). */
export function parseArgs(argv: string[]): Omit<CliOptions, 'jobs'> & { inputs: string[]; url?: string } {
  const inputs: string[] = [];
  let timeoutMs = DEFAULT_TIMEOUT_S * 1000;
  let format: Format = 'json';
  let url: string | undefined;
  let manifest: string | undefined;
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format') {
      const f = value();
      if (f !== 'json' && f !== 'html' && f !== 'text') throw new UsageError(`unknown format "${f}"`);
      format = f;
    } else if (a === '--url') url = value();
    else if (a === '--manifest') manifest = value();
    else if (a === '--out') outDir = value();
    else if (a === '--timeout') {
      const v = value();
      const seconds = Number(v);
      if (!/^\d+(\.\d+)?$/.test(v) || !(seconds > 0) || seconds > 3600) {
        throw new UsageError(`--timeout wants a number of seconds between 0 and 3600, not "${v}"`);
      }
      timeoutMs = Math.round(seconds * 1000);
    } else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else inputs.push(a);
  }
  if (!inputs.length && !manifest) throw new UsageError('no input');
  if (url && inputs.length !== 1) throw new UsageError('--url goes with exactly one input');
  if (url && !isUrl(url)) throw new UsageError(`--url must be an http(s) address: ${url}`);
  return { inputs, format, url, manifest, outDir, timeoutMs };
}

export function jobsFrom(inputs: string[], url: string | undefined): Job[] {
  return inputs.map((source) =>
    isUrl(source) ? { source, kind: 'url', url: source } : { source, kind: 'file', url },
  );
}

/** One manifest line → a job, or an error message naming the line. */
export function manifestJob(line: string, lineNo: number): Job | { error: string } {
  try {
    const o = JSON.parse(line) as { file?: unknown; url?: unknown };
    if (typeof o.file !== 'string') return { error: `manifest line ${lineNo}: no "file"` };
    if (o.url !== undefined && (typeof o.url !== 'string' || !isUrl(o.url))) {
      return { error: `manifest line ${lineNo}: "url" must be an http(s) address` };
    }
    return { source: o.file, kind: 'file', url: o.url as string | undefined };
  } catch {
    return { error: `manifest line ${lineNo}: not JSON` };
  }
}
