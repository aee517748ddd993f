/**
 * The benchmarks' command lines: one positional argument (the corpus) and `--name value` or
 * `--name=value` options. `takesValue` names the options that take a value, so that value is never
 * mistaken for the corpus.
 */
export function commandLine(argv: string[], takesValue: string[]) {
  const valued = new Set(takesValue);
  return {
    value(name: string, fallback: string): string {
      const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
      if (i < 0) return fallback;
      return argv[i].includes('=') ? argv[i].split('=').slice(1).join('=') : (argv[i + 1] ?? fallback);
    },
    positional: argv.find((a, i) => !a.startsWith('--') && !(i > 0 && valued.has(argv[i - 1]))),
  };
}
