/** Bare Readability, bundled for a page: what the speed benchmark compares the reader against. */
export { Readability } from '@mozilla/readability';
