import type { Plugin } from 'vite';
import { rewriteDependency } from './rewrite-dependency';

/**
 * @mozilla/readability ships CommonJS (`module.exports = Readability`). Bundled as is, every content
 * script that imports it also carries the bundler's CommonJS interop helpers (about 0.3 kB gzipped),
 * which matters for the detector's 6 kB budget. Its two files export exactly one function each, so
 * they are rewritten to a default export at build time. Node (the CLI, the tests) keeps loading the
 * CommonJS files unchanged, and default-imports them the same way.
 *
 * The parser's debug logging goes too: its 24 `this.log(…)` calls only print with `debug: true`,
 * which the reader never sets, yet their message strings are 0.4 kB gzipped of the reader, and some
 * arguments are computed on every parse even so (a header's trimmed text, for one). The arguments
 * are plain reads, so dropping the calls changes nothing else. Likewise the reasons
 * `_cleanConditionally` collects for that log (`errs.push(\`Bad p to img ratio …\`)`): only their
 * count is used once the log call is gone, so each becomes `errs.push(0)`; and the logger itself (a
 * node formatter and console plumbing) becomes the no-op it is without `debug`.
 */
const FILE = /[\\/]@mozilla[\\/]readability[\\/](Readability(?:-readerable)?)\.js$/;
const EXPORT = /if \(typeof module === "object"\) \{[^}]*module\.exports = (\w+);\s*\}\s*$/;
const LOG_CALL = 'this.log(';

export function readabilityEsm(): Plugin {
  return rewriteDependency('readability-esm', FILE, (code) => {
    const m = EXPORT.exec(code);
    return m
      ? `${withoutDebugLogger(withoutCheckMessages(withoutLogCalls(code.slice(0, m.index))))}export default ${m[1]};\n`
      : null;
  });
}

/**
 * Replaces each `this.log(…)` call with `void 0`. The closing parenthesis is found by counting
 * parentheses outside string literals (the arguments are strings, reads and concatenations).
 */
export function withoutLogCalls(code: string): string {
  let out = '';
  let from = 0;
  for (let at = code.indexOf(LOG_CALL); at >= 0; at = code.indexOf(LOG_CALL, from)) {
    let depth = 1;
    let quote = '';
    let i = at + LOG_CALL.length;
    for (; i < code.length && depth > 0; i++) {
      const c = code[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
    }
    if (depth > 0) return code; // unbalanced: not the shape we know; leave the file as it is
    out += `${code.slice(from, at)}void 0`;
    from = i;
  }
  return out + code.slice(from);
}

/** `errs.push(\`Too many inputs per p. (input=${input}, p=${p})\`)` → `errs.push(0)`. */
export function withoutCheckMessages(code: string): string {
  return code.replace(/\berrs\.push\(\s*`[^`]*`\s*\)/g, 'errs.push(0)');
}

const DEBUG_LOGGER =
  /if \(this\._debug\) \{\s*let logNode[\s\S]*?\} else \{\s*(this\.log = function \(\) \{\};)\s*\}/;
/** With no call left, the debug logger itself (a node formatter and console plumbing) goes: log is a no-op. */
export function withoutDebugLogger(code: string): string {
  return code.replace(DEBUG_LOGGER, '$1');
}
