/** Suggested on the welcome page; nothing is granted until the person clicks. */
export const SUGGESTED_NEWS_SITES = [
  'voanews.com', 'apnews.com', 'reuters.com', 'bbc.com', 'bbc.co.uk', 'npr.org', 'nytimes.com',
  'washingtonpost.com', 'theguardian.com', 'wsj.com', 'bloomberg.com', 'ft.com', 'economist.com',
  'cnn.com', 'nbcnews.com', 'cbsnews.com', 'abcnews.go.com', 'pbs.org', 'aljazeera.com', 'dw.com',
  'france24.com', 'lemonde.fr', 'spiegel.de', 'elpais.com', 'theatlantic.com', 'politico.com',
  'axios.com', 'latimes.com', 'usatoday.com', 'independent.co.uk', 'cbc.ca', 'abc.net.au',
] as const;
