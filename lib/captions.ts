/** Removes duplicated captions and pull quotes in `root`; returns the captions kept, in order. (stub) */
export function dedupeCaptions(_root: Element): string[] {
  return [];
}
