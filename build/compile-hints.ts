import type { Plugin } from 'vite';

/**
 * V8 compiles a function lazily: the script is pre-parsed when it loads and each function parsed
 * again, fully, on its first call. The reader calls nearly all of its code on every open, in a page
 * whose renderer process has never run it (every news site is a process of its own), so each
 * function is parsed twice. The magic comment `//# allFunctionsCalledOnLoad` on a script's first
 * line asks V8 to compile every function at load instead, once
 * (https://v8.dev/blog/explicit-compile-hints). On the speed benchmark's fresh-process opens this
 * took about 10 ms off the median open time (bench/results/speed.md).
 */
const HINT = '//# allFunctionsCalledOnLoad\n';

export function compileHints(fileName: RegExp): Plugin {
  return {
    name: 'compile-hints',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && fileName.test(chunk.fileName) && !chunk.code.startsWith(HINT))
          chunk.code = HINT + chunk.code;
      }
    },
  };
}
