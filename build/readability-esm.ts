import type { Plugin } from 'vite';
import { rewriteDependency } from './rewrite-dependency';

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
  return rewriteDependency('readability-esm', FILE, (code) => {
    const m = EXPORT.exec(code);
    return m ? `${code.slice(0, m.index)}export default ${m[1]};\n` : null;
  });
}
