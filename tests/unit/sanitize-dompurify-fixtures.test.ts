/**
 * Classic XSS payloads (reconstructed after DOMPurify's published fixtures and the OWASP cheat
 * sheet; see tests/fixtures/dompurify/README.md) run through OUR configuration. Every payload must
 * come out safe; where the fixture states an expected string, the output must match it exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeAndCheck } from './sanitize-invariants';

interface Fixture {
  title: string;
  payload: string;
  expected?: string;
  source: string;
}

const FIXTURES: Fixture[] = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'dompurify', 'payloads.json'), 'utf8'),
);

describe('DOMPurify-style fixtures through our configuration', () => {
  it('is a substantial, uniquely titled set', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(FIXTURES.map((f) => f.title)).size).toBe(FIXTURES.length);
    expect(FIXTURES.filter((f) => f.expected !== undefined).length).toBeGreaterThanOrEqual(50);
  });

  it.each(FIXTURES.map((f) => [f.title, f] as const))('%s', (_title, fixture) => {
    const { html } = sanitizeAndCheck(fixture.payload, fixture.title);
    // Script-capable leftovers in any spelling (text content is escaped, so a raw "<" never leaks).
    expect(html).not.toMatch(
      /<\s*(script|iframe|object|embed|style|svg|math|form|base|meta|link|template)\b/i,
    );
    if (fixture.expected !== undefined) expect(html).toBe(fixture.expected);
  });
});
