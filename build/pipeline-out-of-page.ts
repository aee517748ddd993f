import type { Plugin } from 'vite';

const STUB = '\0pipeline-out-of-page';

/**
 * Chromium's reader never runs the pipeline in the page: it asks the pipeline document
 * (lib/pipeline-place.ts), and the branch that would read the page itself is dead in that build. The
 * bundler still kept the top-level code of the pipeline's modules (their word tables, built with
 * calls it cannot prove pure): 17 kB of unused code (8 kB gzipped) in every reader injected, all of
 * it compiled on each open by the reader's compile hint (build/compile-hints.ts). In such a build,
 * the reader's import of the pipeline resolves to a stub instead.
 */
export function pipelineOutOfPage(active: boolean): Plugin {
  return {
    name: 'pipeline-out-of-page',
    enforce: 'pre',
    resolveId(source, importer) {
      if (
        !active ||
        !/(?:^@|[\\/]lib)[\\/]pipeline(?:\.ts)?$/.test(source) ||
        !importer?.includes('reader.content')
      )
        return null;
      return STUB;
    },
    load(id) {
      if (id !== STUB) return null;
      return `export function runPipelineAsync() { throw new Error('This build reads pages in its pipeline document.'); }`;
    },
  };
}
