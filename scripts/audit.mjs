/**
 * `npm run audit`: `npm audit --omit=dev` on the dependencies the extension ships, failing on any
 * high or critical advisory. Moderate and low advisories are listed but do not fail the run.
 *
 * When the registry's advisory endpoint cannot be reached (offline machines, mirrors without the
 * audit API) the run says so loudly and exits 0 with --offline-ok, 3 without it: a missing
 * answer is never reported as a clean one.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const FAILING = new Set(['high', 'critical']);

/**
 * The verdict on one `npm audit --json` report.
 * @param {unknown} report parsed JSON from `npm audit --json`
 * @returns {{ status: 'ok' | 'fail' | 'unavailable', counts: Record<string, number>, failing: string[], lines: string[] }}
 */
export function verdict(report) {
  const r = /** @type {Record<string, any>} */ (report ?? {});
  const counts = r.metadata?.vulnerabilities;
  if (!counts || typeof counts !== 'object' || !r.vulnerabilities || typeof r.vulnerabilities !== 'object') {
    const why = r.error?.summary || r.message || 'no vulnerability report in npm audit output';
    return { status: 'unavailable', counts: {}, failing: [], lines: [`audit unavailable: ${why}`] };
  }
  const lines = [];
  const failing = [];
  for (const [name, v] of Object.entries(r.vulnerabilities)) {
    const via = (Array.isArray(v.via) ? v.via : [])
      .map((x) => (typeof x === 'string' ? x : `${x.title ?? ''} ${x.url ?? ''}`.trim()))
      .join('; ');
    lines.push(`${v.severity}: ${name}${v.range ? ` ${v.range}` : ''}${via ? ` (${via})` : ''}`);
    if (FAILING.has(v.severity)) failing.push(name);
  }
  return { status: failing.length ? 'fail' : 'ok', counts, failing, lines };
}

function main() {
  const offlineOk = process.argv.includes('--offline-ok');
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120000 });
  let report;
  try {
    report = JSON.parse(run.stdout || '{}');
  } catch {
    report = { message: `npm audit printed no JSON (${(run.stderr || '').trim().split('\n').pop()})` };
  }
  const v = verdict(report);
  for (const line of v.lines) console.log(`audit: ${line}`);
  if (v.status === 'unavailable') {
    console.warn(
      `audit: NOT CHECKED — the advisory endpoint gave no answer${offlineOk ? ' (--offline-ok)' : ''}`,
    );
    return offlineOk ? 0 : 3;
  }
  const summary = Object.entries(v.counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(`audit: shipped dependencies (--omit=dev): ${summary}`);
  if (v.status === 'fail') {
    console.error(`audit: high/critical advisories in shipped dependencies: ${v.failing.join(', ')}`);
    return 1;
  }
  console.log('audit: no high or critical advisory in shipped dependencies');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
