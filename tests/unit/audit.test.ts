// @vitest-environment node
/**
 * scripts/audit.mjs (`npm run audit`): `npm audit --omit=dev` on the shipped dependencies fails the
 * run on a high or critical advisory, and never mistakes an unreachable advisory service for a
 * clean report.
 */
import { describe, expect, it } from 'vitest';
import { verdict } from '../../scripts/audit.mjs';

/** The shape of `npm audit --json` (npm 7+, auditReportVersion 2). */
function report(vulns: Record<string, { severity: string; range?: string; via?: unknown[] }>) {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 };
  for (const v of Object.values(vulns)) {
    counts[v.severity as keyof typeof counts]++;
    counts.total++;
  }
  return {
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(
      Object.entries(vulns).map(([name, v]) => [name, { name, isDirect: true, via: [], effects: [], ...v }]),
    ),
    metadata: { vulnerabilities: counts, dependencies: { prod: 4, dev: 0, total: 4 } },
  };
}

describe('npm audit gate (scripts/audit.mjs)', () => {
  it('passes a clean report', () => {
    expect(verdict(report({})).status).toBe('ok');
  });

  it('passes low and moderate advisories, listing them', () => {
    const v = verdict(
      report({
        preact: { severity: 'moderate', range: '<11.0.1', via: [{ title: 'XSS in x', url: 'https://x' }] },
      }),
    );
    expect(v.status).toBe('ok');
    expect(v.lines).toEqual(['moderate: preact <11.0.1 (XSS in x https://x)']);
  });

  it('fails on a high advisory (e.g. a DOMPurify sanitizer bypass) and on a critical one', () => {
    const high = verdict(report({ dompurify: { severity: 'high', range: '<3.2.4' } }));
    expect(high.status).toBe('fail');
    expect(high.failing).toEqual(['dompurify']);
    const critical = verdict(
      report({ '@mozilla/readability': { severity: 'critical' }, preact: { severity: 'low' } }),
    );
    expect(critical.status).toBe('fail');
    expect(critical.failing).toEqual(['@mozilla/readability']);
  });

  it('reports "unavailable" (never "ok") when the advisory endpoint gave no answer', () => {
    const offline = {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    };
    expect(verdict(offline).status).toBe('unavailable');
    expect(verdict(offline).lines[0]).toMatch(/405 Method Not Allowed/);
    expect(verdict({}).status).toBe('unavailable');
    expect(verdict(null).status).toBe('unavailable');
  });
});
