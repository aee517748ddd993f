import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { compileHints } from './build/compile-hints';
import { dompurifyLazy } from './build/dompurify-lazy';
import { pipelineOutOfPage } from './build/pipeline-out-of-page';
import { readabilityEsm } from './build/readability-esm';

// The shortcut Chromium actually assigns (checked with chrome.commands.getAll() in the e2e suite):
// Alt+Shift+R is left unassigned by Chromium 156, so we ship Alt+Shift+E.
export const TOGGLE_SHORTCUT = 'Alt+Shift+E';

// WXT sets NODE_ENV to the mode's name, and anything but "production" builds Preact's development JSX
// (a source location on every element) and its devtools hook. The e2e and benchmark builds differ
// from what people install only by their test permissions and timing marks, and the page-pipeline
// build (e2e only) by reading the story in the page as Firefox's reader does (`import.meta.env.MODE`).
if (['e2e', 'bench', 'page-pipeline'].includes(process.env.NODE_ENV ?? ''))
  process.env.NODE_ENV = 'production';

export default defineConfig({
  manifestVersion: 3,
  vite: (env) => ({
    plugins: [
      // Mirrors lib/pipeline-place.ts: only Firefox, Safari and the page-pipeline test build read in the page.
      pipelineOutOfPage(!['firefox', 'safari'].includes(env.browser) && env.mode !== 'page-pipeline'),
      readabilityEsm(),
      dompurifyLazy(),
      preact(),
      compileHints(/^(content-scripts\/reader|chunks\/offscreen-[\w-]+)\.js$/),
    ],
  }),
  // The sources zip for the Firefox store: the project, not local scratch files (gitignored).
  zip: { excludeSources: ['tmp/**'] },
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Least privilege: nothing runs on a site until the person clicks the button or grants the site.
    // Chromium's reader reads the story in an offscreen document (lib/bg/pipeline-doc.ts); the
    // permission shows no warning and reaches no site. Firefox has no such documents.
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The e2e build alone may reach the local test server without a permission prompt; the benchmark
    // build, the sites it runs the auto-open detector on (bench/speed.ts), none of which it clicks.
    host_permissions:
      mode === 'e2e'
        ? ['http://127.0.0.1/*', 'http://localhost/*']
        : mode === 'bench'
          ? ['http://*.example/*']
          : [],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    },
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'toggle-reader': {
        suggested_key: { default: TOGGLE_SHORTCUT },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'calm-reader@example.org',
              // The first versions that know data_collection_permissions (web-ext lint checks).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
