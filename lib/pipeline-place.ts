/**
 * Where the reader runs the pipeline. Chromium: in the extension's pipeline document
 * (lib/bg/pipeline-doc.ts), so the reader injected into a page holds no extraction code. Firefox (and
 * Safari) have no offscreen documents: there the reader runs it in the page. A constant at build time,
 * so each build carries only its own way.
 */
export const PIPELINE_IN_PAGE =
  import.meta.env.FIREFOX ||
  import.meta.env.SAFARI ||
  // A Chromium build with Firefox's way, so the end-to-end tests cover it in a real browser too.
  import.meta.env.MODE === 'page-pipeline';
