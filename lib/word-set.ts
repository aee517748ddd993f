/**
 * A set of space-separated words: how the detector's vocabularies are written, once for every
 * module of its bundle (which has a 6 kB budget; see scripts/size-check.mjs).
 */
export const wordSet = (words: string) => new Set(words.split(' '));
