import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const VOA = join(ROOT, 'tests/fixtures/voa-aleppo.html');

async function extract(args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'cli/extract.ts', ...args], {
      cwd: ROOT,
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('extract CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'extract-cli-'));
  const binary = join(dir, 'photo.html');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  const latin1 = join(dir, 'latin1.html');
  const story = Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Le café de la gare a rouvert ses portes ce matin, ${i} fois plus élégant qu'avant, et les habitués sont déjà revenus prendre leur place près de la fenêtre.</p>`,
  ).join('');
  writeFileSync(
    latin1,
    Buffer.from(
      `<html lang="fr"><head><meta charset="iso-8859-1"><title>Café</title></head><body><article><h1>Café</h1>${story}</article></body></html>`,
      'latin1',
    ),
  );
  const manifest = join(dir, 'list.jsonl');
  writeFileSync(
    manifest,
    `${JSON.stringify({ file: VOA, url: 'https://www.voanews.com/a/x/1.html' })}\nnot json\n`,
  );

  it('prints one JSON line per input, in order, with the full contract and per-input errors', async () => {
    const { code, stdout } = await extract([
      VOA,
      join(dir, 'missing.html'),
      binary,
      latin1,
      '--manifest',
      manifest,
    ]);
    expect(code).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.source)).toEqual([
      VOA,
      join(dir, 'missing.html'),
      binary,
      latin1,
      VOA,
      `${manifest}:2`,
    ]);
    const voa = rows[0];
    for (const key of [
      'isArticle',
      'reason',
      'title',
      'byline',
      'siteName',
      'publishedTime',
      'lang',
      'dir',
      'excerpt',
      'readingMinutes',
      'text',
      'contentHtml',
      'captions',
      'quotes',
    ]) {
      expect(voa).toHaveProperty(key);
    }
    for (const c of voa.captions) expect(voa.text).toContain(c);
    expect(voa.quotes[1]).toEqual({ text: expect.stringContaining('Certainly'), speaker: 'John Kirby' });
    expect(rows[1].error).toMatch(/no such file/);
    expect(rows[2].error).toMatch(/binary/);
    expect(rows[3].text).toContain('Le café de la gare');
    expect(rows[5].error).toMatch(/not JSON/);
  }, 60000);

  it('exits non-zero only when every input failed', async () => {
    const { code, stdout } = await extract([join(dir, 'missing.html')]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error).toMatch(/no such file/);
  }, 60000);

  it('renders a standalone, script-free reader page', async () => {
    const { code, stdout } = await extract([VOA, '--format', 'html']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>/);
    expect(stdout).toContain('<h1 id="reader-title">Syrian Army Says Aleppo Has Been Retaken');
    expect(stdout).not.toMatch(/<script/i);
    // Nor buttons that could not work without one.
    expect(stdout).not.toMatch(/<button/i);
  }, 60000);

  it('prints the body as text', async () => {
    const { stdout } = await extract([VOA, '--format', 'text']);
    expect(stdout).toContain('The war-torn city of Aleppo has been recaptured');
    expect(stdout).not.toContain('Syrian Army Says Aleppo Has Been Retaken; US, UN Remain Wary');
  }, 60000);

  it('explains bad usage', async () => {
    const { code, stderr } = await extract(['--format', 'pdf', VOA]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown format "pdf"/);
  }, 60000);
});
