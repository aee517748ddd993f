import type { Plugin } from 'vite';
import { rewriteDependency } from './rewrite-dependency';

/**
 * DOMPurify's module builds a ready-to-use default instance when it loads (`createDOMPurify()` on the
 * global window: its tag and attribute sets, its probes of the DOM). The reader never uses that
 * instance: lib/sanitize.ts makes its own, with its own hooks, when the reader opens. In a content
 * script every load is a cold start, and that unused instance cost about 2.5 ms of the reader's
 * injection in Chromium's profiler. So the default export becomes the factory alone, which is what
 * calling the default instance does anyway (`DOMPurify(window)` → `createDOMPurify(window)`).
 * Node (the CLI, the tests) keeps loading DOMPurify unchanged.
 */
const FILE = /[\\/]dompurify[\\/]dist[\\/]purify\.es\.mjs$/;
const DEFAULT_INSTANCE = /\n(?:var|const|let) purify(?:_default)? = createDOMPurify\(\);\n/;

export function dompurifyLazy(): Plugin {
  return rewriteDependency('dompurify-lazy', FILE, (code) => {
    const m = DEFAULT_INSTANCE.exec(code);
    if (!m) return null;
    const name = /purify(?:_default)?/.exec(m[0])?.[0];
    const lazy = `\nconst ${name} = (root) => createDOMPurify(root);\n`;
    return code.slice(0, m.index) + lazy + code.slice(m.index + m[0].length);
  });
}
