import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_BUILD, PROD_BUILD } from '../../scripts/harness';

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

// Privileges are part of the product: changing them must be a deliberate edit of this test.
describe('built manifests', () => {
  const prod = manifest(PROD_BUILD);
  const e2e = manifest(E2E_BUILD);

  it('asks for activeTab, scripting, storage, contextMenus and offscreen only, with no site access at install', () => {
    // offscreen: the pipeline document (lib/bg/pipeline-doc.ts); no warning, no site access.
    expect([...prod.permissions].sort()).toEqual([
      'activeTab',
      'contextMenus',
      'offscreen',
      'scripting',
      'storage',
    ]);
    expect(prod.host_permissions ?? []).toEqual([]);
    expect(prod.content_scripts).toBeUndefined();
    expect(prod.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('pins the extension pages CSP and exposes no web-accessible resources', () => {
    expect(prod.content_security_policy).toEqual({
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    });
    expect(prod.web_accessible_resources).toBeUndefined();
  });

  it('declares the toggle-reader command with a default key', () => {
    expect(prod.commands['toggle-reader'].suggested_key.default).toMatch(/^(Alt|Ctrl)\+(Shift\+)?[A-Z0-9]$/);
  });

  it('the Firefox build asks for the same but offscreen (it has none), with its add-on id and no data collection', () => {
    // Built by `npm run lint:firefox` (web-ext lint), which the test command runs first.
    const firefox = manifest(join(PROD_BUILD, '../firefox-mv3'));
    expect([...firefox.permissions].sort()).toEqual(
      prod.permissions.filter((p: string) => p !== 'offscreen').sort(),
    );
    expect(firefox.host_permissions ?? []).toEqual([]);
    expect(firefox.optional_host_permissions).toEqual(prod.optional_host_permissions);
    expect(firefox.browser_specific_settings.gecko).toMatchObject({
      id: 'calm-reader@example.org',
      data_collection_permissions: { required: ['none'] },
    });
    // data_collection_permissions is understood from Firefox 140 (desktop) and 142 (Android).
    expect(
      Number.parseFloat(firefox.browser_specific_settings.gecko.strict_min_version),
    ).toBeGreaterThanOrEqual(140);
    expect(
      Number.parseFloat(firefox.browser_specific_settings.gecko_android.strict_min_version),
    ).toBeGreaterThanOrEqual(142);
  });

  it('the e2e build differs only by host access to the local test server', () => {
    expect(e2e.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect({ ...e2e, host_permissions: [] }).toEqual(prod);
  });

  it('the e2e build runs the code people install: no development JSX, no devtools hook', () => {
    // WXT names NODE_ENV after the build mode; the config maps e2e and bench back to production.
    for (const dir of [PROD_BUILD, E2E_BUILD]) {
      const reader = readFileSync(join(dir, 'content-scripts/reader.js'), 'utf8');
      expect(reader).not.toContain('__PREACT_DEVTOOLS__');
      expect(reader).not.toMatch(/\bfileName:\s*["'`]/);
    }
  });
});
