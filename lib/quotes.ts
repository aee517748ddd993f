import type { Quote } from './types';

/** Marks quoted speech in `root` with `<q data-speaker>` elements; returns one entry per `<q>`. (stub) */
export function findQuotes(_root: Element, _opts: { lang?: string | null } = {}): Quote[] {
  return [];
}
