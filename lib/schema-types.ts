/**
 * Schema.org story types, shared by the detector (is this page a story?) and the byline (whose
 * author is the story's?): *Article (NewsArticle, OpinionNewsArticle, ScholarlyArticle...),
 * *BlogPosting, ReportageNews, Report. `name` is the bare type ("schema:NewsArticle" → "NewsArticle").
 */
export const isArticleType = (name: string) =>
  name.endsWith('Article') || name.endsWith('BlogPosting') || name === 'ReportageNews' || name === 'Report';
