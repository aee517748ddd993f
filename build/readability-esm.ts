import type { Plugin } from 'vite';

/**
 * @mozilla/readability ships CommonJS (`module.exports = Readability`). Bundled as is, every content
 * script that imports it also carries the bundler's CommonJS interop helpers (about 0.3 kB gzipped),
 * which matters for the detector's 6 kB budget. Its two files export exactly one function each, so
 * they are rewritten to a default export at build time. Node (the CLI, the tests) keeps loading the
 * CommonJS files unchanged, and default-imports them the same way.
 */
const FILE = /[\\/]@mozilla[\\/]readability[\\/](Readability(?:-readerable)?)\.js$/;
const EXPORT = /if \(typeof module === "object"\) \{[^}]*module\.exports = (\w+);\s*\}\s*$/;

export function readabilityEsm(): Plugin {
  return {
    name: 'readability-esm',
    enforce: 'pre',
    transform(code, id) {
      if (!FILE.test(id)) return null;
      const m = EXPORT.exec(code);
      // A new package version with another shape: leave it to the CommonJS path rather than break it.
      if (!m) return null;
      return { code: `${code.slice(0, m.index)}export default ${m[1]};\n`, map: null };
    },
  };
}
