/**
 * A document the reader can read: HTML or XHTML. A text file, an XML feed or an SVG drawing shown by
 * the browser is not a story page. (Its own module: the reader checks it before sending the page
 * away, without the pipeline's code.)
 */
export function isHtmlType(contentType: string | null | undefined): boolean {
  return !contentType || contentType === 'text/html' || contentType === 'application/xhtml+xml';
}
