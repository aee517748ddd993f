// The package types only its index; this file (imported alone to keep the content script small) is
// CommonJS with `module.exports = isProbablyReaderable`, so it is imported as a default export: a
// named import works in bundlers but not in Node's ESM loader (the CLI and benchmarks).
declare module '@mozilla/readability/Readability-readerable.js' {
  export default function isProbablyReaderable(
    document: Document,
    options?: {
      minContentLength?: number;
      minScore?: number;
      visibilityChecker?: (node: Node) => boolean;
    },
  ): boolean;
}

// Readability.js alone, for the same reason: the package index also pulls in the readerable check.
declare module '@mozilla/readability/Readability.js' {
  import { Readability } from '@mozilla/readability';
  export default Readability;
}
