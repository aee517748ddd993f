// Store packages: `npm run zip` must make a Chrome and a Firefox zip, each a complete extension.
// Cheap check of the zip's central directory (file names are stored uncompressed there).
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = '.output';
for (const f of readdirSync(out)) if (f.endsWith('.zip')) rmSync(join(out, f)); // no stale zip passes
execSync('npm run zip', { stdio: ['ignore', 'ignore', 'inherit'] });

const zips = readdirSync(out).filter((f) => f.endsWith('.zip'));
const required = [
  'manifest.json',
  'background.js',
  'content-scripts/reader.js',
  'content-scripts/detector.js',
];
let failed = 0;
for (const target of ['chrome', 'firefox']) {
  const name = zips.find((f) => f.endsWith(`-${target}.zip`));
  const data = name ? readFileSync(join(out, name)) : Buffer.alloc(0);
  const missing = required.filter((f) => !data.includes(Buffer.from(f)));
  const ok = !!name && missing.length === 0;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${target} zip ${name ?? '(missing)'}${missing.length ? ` lacks ${missing.join(', ')}` : ''}`,
  );
}
process.exit(failed ? 1 : 0);
