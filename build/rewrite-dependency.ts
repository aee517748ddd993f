import type { Plugin } from 'vite';

/**
 * A build-time rewrite of one dependency's file. `rewrite` returns the new code, or null when the
 * file does not have the shape it expects (a new version of the package): the file is then bundled
 * as it is, unchanged, rather than broken.
 */
export function rewriteDependency(
  name: string,
  file: RegExp,
  rewrite: (code: string) => string | null,
): Plugin {
  return {
    name,
    enforce: 'pre',
    transform(code, id) {
      if (!file.test(id)) return null;
      const out = rewrite(code);
      return out === null ? null : { code: out, map: null };
    },
  };
}
