/** One run of quoted speech, as marked by a `<q>` element in the article. */
export interface Quote {
  text: string;
  /** Who said it, when the text says so; null when unknown (and always for scare quotes). */
  speaker: string | null;
}

/** The news-article detector's decision, with a short human-readable reason. */
export interface Detection {
  isArticle: boolean;
  reason: string;
  /** The detector's log-odds score (> 0 means article), when it got that far. */
  score?: number;
  /** Every contribution to the score as "label +w", strongest on the winning side first. */
  signals?: string[];
}

export interface Metadata {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImage: string | null;
  readingMinutes: number;
}

/** What the extractor returns: metadata and the story body (not yet sanitized). */
export interface Extraction {
  meta: Metadata;
  /** The story body; lives in a document of its own (a clone), safe to mutate. */
  body: HTMLElement;
}

/** The pipeline's final product: sanitized content plus everything the view and the CLI show. */
export interface ArticleResult extends Metadata {
  /** The news detector's verdict, when the caller asked for it. */
  detection?: Detection;
  /** Sanitized DOM, ready to be adopted into the reader view. */
  content: DocumentFragment;
  /** The body as the reader shows it: paragraphs separated by blank lines, captions once. */
  text: string;
  captions: string[];
  quotes: Quote[];
}
