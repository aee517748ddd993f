// @vitest-environment node
/**
 * The extract CLI on bad input: every input gets one clear JSON line (a result or an error), the
 * run goes on past failures, and the exit code is non-zero only when every input failed.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const VOA = join(ROOT, 'tests/fixtures/voa-aleppo.html');

interface Run {
  code: number;
  rows: Record<string, unknown>[];
  stderr: string;
  ms: number;
}

const NOBODY = 65534;

/**
 * A regular file the CLI cannot read, and the user to run the CLI as. Not root: a mode-000 file.
 * Root reads mode-000 files, so then the CLI runs as nobody, if nobody can reach the project (a clone
 * inside a private directory, such as one made by mktemp -d, is out of its reach). Else a link to a
 * write-only sysfs attribute: the kernel refuses to open those for reading, root included.
 */
function unreadable(path: string, content: string): { path: string; uid?: number } {
  if (process.getuid?.() !== 0) {
    writeFileSync(path, content);
    chmodSync(path, 0o000);
    return { path };
  }
  const reach = spawnSync(
    process.execPath,
    ['-e', `require('fs').accessSync(${JSON.stringify(join(ROOT, 'cli'))})`],
    {
      uid: NOBODY,
      gid: NOBODY,
    },
  );
  if (reach.status === 0) {
    writeFileSync(path, content);
    chmodSync(path, 0o000);
    return { path, uid: NOBODY };
  }
  const target = execFileSync('find', ['/sys', '-maxdepth', '4', '-type', 'f', '-perm', '0200'], {
    encoding: 'utf8',
  })
    .split('\n')
    .find(Boolean);
  if (!target) throw new Error('no way to make a file unreadable for root on this machine');
  symlinkSync(target, path);
  return { path };
}

/** Runs the CLI (as `npm run extract` does); `uid` runs it as another user (root reads mode-000 files). */
function extract(args: string[], uid?: number): Promise<Run> {
  const start = Date.now();
  const as = uid === undefined ? {} : { uid, gid: uid, env: { ...process.env, HOME: tmpdir() } };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'cli/extract.ts', ...args],
      { cwd: ROOT, maxBuffer: 64 << 20, timeout: 60000, ...as },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? -1) : 0;
        const rows = stdout
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        resolve({ code: typeof code === 'number' ? code : -1, rows, stderr, ms: Date.now() - start });
      },
    );
  });
}

/** windows-1252's 0x80–0x9F (WHATWG index; some Node versions decode the label as ISO-8859-1). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** An encoder for a legacy single- or double-byte encoding, built by inverting the WHATWG decoder. */
function encoderFor(label: string): (text: string) => Buffer {
  const table = new Map<string, number[]>();
  if (label === 'windows-1252') {
    for (let b = 0; b < 0x100; b++) {
      table.set(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b), [b]);
    }
    return (text) => Buffer.from([...text].map((ch) => table.get(ch)?.[0] ?? 0x3f));
  }
  const decoder = new TextDecoder(label);
  for (let b = 0; b < 0x80; b++) table.set(String.fromCharCode(b), [b]);
  for (let lead = 0x80; lead <= 0xff; lead++) {
    const single = decoder.decode(Uint8Array.of(lead));
    if (single.length === 1 && single !== '\ufffd' && !table.has(single)) table.set(single, [lead]);
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return (text) =>
    Buffer.from(
      [...text].flatMap((ch) => {
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`${label} cannot encode ${ch}`);
        return bytes;
      }),
    );
}

const FRENCH = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Au café de la gare, le « crème » coûte désormais 2,50 € — c’est l’été, et ${i + 2} habitués l’ont déjà remarqué ; la patronne, Hélène, affirme qu’elle n’a rien changé à la recette depuis l’ouverture, il y a trente ans, et qu’elle n’en changera pas.</p>`,
).join('');
const FRENCH_PAGE = `<!DOCTYPE html><html lang="fr"><head><meta charset="windows-1252"><title>Le café de la gare</title><meta property="og:type" content="article"></head><body><article><h1>Le café de la gare augmente ses prix</h1>${FRENCH}</article></body></html>`;

const JAPANESE = Array.from(
  { length: 10 },
  (_, i) =>
    `<p>東京都内の図書館では、工具の貸し出しサービスが始まってから一か月で、${i + 1}千件を超える利用がありました。担当者によると、電動ドリルや脚立、高圧洗浄機などが特に人気で、予約待ちの状態が続いているということです。利用者の多くは初めて図書館カードを作った人たちでした。</p>`,
).join('');
const JAPANESE_PAGE = `<!DOCTYPE html><html lang="ja"><head><meta charset="Shift_JIS"><title>図書館で工具の貸し出し</title><meta property="og:type" content="article"></head><body><article><h1>図書館で工具の貸し出しが人気</h1>${JAPANESE}</article></body></html>`;

const BAKERY = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>“We’re not moving,” the baker said — and the café stayed. For ${i + 2} years the bakery on Rue Verte has opened at six, and its regulars say the croissants are the best in the city, whatever the rent.</p>`,
).join('');
/** A UTF-8 page; `head` is what its <head> declares (nothing, a late <meta>, a wrong one). */
const UTF8_PAGE = (head: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>The bakery stays</title>${head}<meta property="og:type" content="article"></head><body><article><h1>The bakery on Rue Verte stays put</h1>${BAKERY}</article></body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'extract-bad-input-'));
chmodSync(dir, 0o755); // readable by the unprivileged user of the permission case
const file = (name: string, data: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

let server: Server;
let origin = '';
/** A port nothing listens on (a server opened and closed again). */
let closedPort = 0;
const stalled: ServerResponse[] = [];

beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((r) => probe.close(r));
  const sjis = encoderFor('shift_jis')(JAPANESE_PAGE);
  server = createServer((req, res) => {
    if (req.url === '/never') {
      stalled.push(res); // no headers, ever
      return;
    }
    if (req.url === '/stall-body') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!DOCTYPE html><html><head><title>Half a page</title></head><body><p>The first');
      stalled.push(res); // headers and a little body, then nothing
      return;
    }
    if (req.url === '/missing')
      return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    if (req.url === '/broken')
      return void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Oops</h1>');
    if (req.url === '/sjis') return void res.writeHead(200, { 'content-type': 'text/html' }).end(sjis);
    // The transport's charset decides, as in a browser, even against bytes that read as UTF-8.
    if (req.url === '/utf8-as-1252')
      return void res
        .writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
        .end(Buffer.from(UTF8_PAGE('')));
    if (req.url === '/png') {
      return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    }
    // A saved page sent as a file, not with Content-Encoding: fetch leaves it compressed.
    if (req.url === '/voa.html.gz')
      return void res.writeHead(200, { 'content-type': 'application/gzip' }).end(gzipSync(readFileSync(VOA)));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  for (const res of stalled) res.destroy();
  await new Promise((r) => server?.close(r));
});

/** The start of a real PNG file (signature + IHDR), then noise. */
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000100806000000', 'hex'),
  Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 131 + 7) % 256)),
]);

/** Deterministic pseudo-random bytes. */
function noise(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('extract CLI on bad input', () => {
  it('unreadable inputs (a directory, a file without read permission, a FIFO, a missing file) each get an error line; the run goes on', async () => {
    const folder = join(dir, 'a-folder.html');
    mkdirSync(folder, { recursive: true });
    const { path: locked, uid } = unreadable(join(dir, 'locked.html'), FRENCH_PAGE);
    const fifo = join(dir, 'pipe.html');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [fifo]);
    const run = await extract([folder, locked, fifo, join(dir, 'nope.html'), VOA], uid);
    expect(run.rows.map((r) => r.source)).toEqual([folder, locked, fifo, join(dir, 'nope.html'), VOA]);
    expect(run.rows[0].error).toBe(`cannot read ${folder}: is a directory`);
    expect(run.rows[1].error).toBe(`cannot read ${locked}: permission denied`);
    expect(run.rows[2].error).toBe(`cannot read ${fifo}: not a regular file`);
    expect(run.rows[3].error).toBe(`cannot read ${join(dir, 'nope.html')}: no such file`);
    expect(run.rows[4].error).toBeUndefined();
    expect(run.rows[4].title).toMatch(/Aleppo/);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  }, 60000);

  it('binary files (PNG, random bytes, a PNG served over HTTP) are refused as binary, not parsed', async () => {
    const png = file('photo.html', PNG);
    const random = file('random.html', noise(64 * 1024, 0x5eed));
    const run = await extract([png, random, `${origin}/png`]);
    expect(run.rows).toHaveLength(3);
    for (const row of run.rows) expect(row.error).toBe('not an HTML document (binary data)');
    expect(run.code).toBe(1);
  }, 60000);

  it('gzipped pages (page.html.gz, or a .gz file over HTTP) are read as the page they hold; a gzip bomb and a damaged file get clear errors', async () => {
    const plain = await extract([VOA]);
    const gz = file('voa-aleppo.html.gz', gzipSync(readFileSync(VOA)));
    // Recognised by its bytes, not its name.
    const renamed = file('voa-aleppo-saved.html', gzipSync(readFileSync(VOA)));
    const bomb = file('bomb.html.gz', gzipSync(Buffer.alloc(65 * 1024 * 1024, 0x20)));
    const damaged = file(
      'damaged.html.gz',
      Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0]), noise(512, 7)]),
    );
    const run = await extract([gz, renamed, `${origin}/voa.html.gz`, bomb, damaged]);
    expect(run.rows).toHaveLength(5);
    const want = plain.rows[0];
    expect(want.error).toBeUndefined();
    for (const row of run.rows.slice(0, 3)) {
      expect(row.error).toBeUndefined();
      expect(row.title).toBe(want.title);
      expect(row.text).toBe(want.text);
      expect(row.quotes).toEqual(want.quotes);
    }
    expect(run.rows[3].error).toBe(`cannot read ${bomb}: larger than 64 MB once decompressed`);
    expect(run.rows[4].error).toBe(`cannot read ${damaged}: a damaged or truncated gzip file`);
    expect(run.code).toBe(0);
  }, 60000);

  it('legacy encodings declared in <meta charset> decode correctly: windows-1252 (€ ’ — « ») and Shift_JIS, from files and over HTTP', async () => {
    const cp1252 = file('cafe-1252.html', encoderFor('windows-1252')(FRENCH_PAGE));
    const sjis = file('tokyo-sjis.html', encoderFor('shift_jis')(JAPANESE_PAGE));
    // Control: the bytes really are not UTF-8.
    expect(encoderFor('windows-1252')(FRENCH_PAGE).toString('utf8')).not.toContain('2,50 €');
    expect(encoderFor('shift_jis')(JAPANESE_PAGE).toString('utf8')).not.toContain('図書館');
    const run = await extract([cp1252, sjis, `${origin}/sjis`]);
    const [fr, ja, jaHttp] = run.rows;
    expect(fr.error).toBeUndefined();
    expect(fr.text).toContain('le « crème » coûte désormais 2,50 € — c’est l’été');
    expect(fr.title).toMatch(/café/);
    expect(ja.error).toBeUndefined();
    expect(ja.text).toContain('東京都内の図書館では、工具の貸し出しサービスが始まってから一か月で');
    expect(ja.title).toMatch(/図書館/);
    expect(jaHttp.error).toBeUndefined();
    expect(jaHttp.text).toBe(ja.text);
    for (const row of run.rows) expect(String(row.text)).not.toContain('\ufffd');
    expect(run.code).toBe(0);
  }, 60000);

  it('UTF-8 pages that declare no charset, declare it late or declare a legacy one (one-byte or Chinese) read as UTF-8; legacy bytes without a declaration as windows-1252', async () => {
    const none = file('utf8-undeclared.html', Buffer.from(UTF8_PAGE('')));
    // Past the 1024 bytes a browser's first look covers.
    const late = file(
      'utf8-late.html',
      Buffer.from(UTF8_PAGE(`<!--${'x'.repeat(1100)}--><meta charset="utf-8">`)),
    );
    // A copy re-encoded to UTF-8 that kept its original declaration.
    const relabelled = file(
      'utf8-says-latin1.html',
      Buffer.from(UTF8_PAGE('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')),
    );
    // Mozilla's qq.com test page: UTF-8 bytes under the gb2312 declaration of the original.
    const relabelledGb = file(
      'utf8-says-gb2312.html',
      Buffer.from(UTF8_PAGE('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')),
    );
    const legacy = file(
      'cafe-undeclared-1252.html',
      encoderFor('windows-1252')(FRENCH_PAGE.replace('<meta charset="windows-1252">', '')),
    );
    const run = await extract([none, late, relabelled, relabelledGb, legacy, `${origin}/utf8-as-1252`]);
    for (const row of run.rows.slice(0, 4)) {
      expect(row.error).toBeUndefined();
      expect(row.text).toContain('“We’re not moving,” the baker said — and the café stayed.');
      expect(row.text).not.toContain('â€');
    }
    expect(run.rows[4].text).toContain('le « crème » coûte désormais 2,50 € — c’est l’été');
    // The transport's charset is obeyed (a browser shows "cafÃ©" too); then the reader repairs the
    // marks no one means ("â€œWeâ€™re" → "“We’re", lib/mojibake.ts) and leaves "Ã©", which could be.
    expect(run.rows[5].text).toContain('“We’re not moving,” the baker said — and the cafÃ© stayed.');
  }, 60000);

  it('URLs that never answer, or stall mid-body, time out after --timeout seconds; 404 and 500 are clear errors', async () => {
    const run = await extract([
      `${origin}/never`,
      `${origin}/stall-body`,
      `${origin}/missing`,
      `${origin}/broken`,
      `http://127.0.0.1:${closedPort}/closed-port`,
      VOA,
      '--timeout',
      '1',
    ]);
    expect(run.rows.map((r) => r.error)).toEqual([
      'timed out after 1 s',
      'timed out after 1 s',
      'HTTP 404 Not Found',
      'HTTP 500 Internal Server Error',
      expect.stringMatching(/^fetch failed: connection refused/),
      undefined,
    ]);
    expect(run.rows[5].title).toMatch(/Aleppo/);
    expect(run.code).toBe(0);
    // Two one-second timeouts plus start-up, not the default 15 s each.
    expect(run.ms).toBeLessThan(15000);
  }, 60000);

  it('exits 1 when every input failed, and explains a bad --timeout', async () => {
    const all = await extract([`${origin}/missing`, `${origin}/broken`, join(dir, 'nope.html')]);
    expect(all.rows).toHaveLength(3);
    expect(all.rows.every((r) => typeof r.error === 'string')).toBe(true);
    expect(all.code).toBe(1);
    const bad = await extract([VOA, '--timeout', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--timeout wants a number of seconds/);
  }, 60000);
});
