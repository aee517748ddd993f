import { useT } from '@/lib/i18n';
import type { Quote } from '@/lib/types';

interface Group {
  speaker: string | null;
  items: { quote: Quote; index: number }[];
}

/** Who said what: speakers in order of first appearance, unattributed quotes last. */
export function groupQuotes(quotes: readonly Quote[]): Group[] {
  const bySpeaker = new Map<string | null, Group>();
  quotes.forEach((quote, index) => {
    const key = quote.speaker;
    let g = bySpeaker.get(key);
    if (!g) {
      g = { speaker: key, items: [] };
      bySpeaker.set(key, g);
    }
    g.items.push({ quote, index });
  });
  const groups = [...bySpeaker.values()];
  return [...groups.filter((g) => g.speaker !== null), ...groups.filter((g) => g.speaker === null)];
}

export function QuotesPanel({
  quotes,
  onPick,
}: {
  quotes: readonly Quote[];
  onPick: (index: number) => void;
}) {
  const t = useT();
  return (
    <section id="reader-quotes" class="quotes-panel" aria-label={t('quotes')}>
      <h2>{t('quotes')}</h2>
      {groupQuotes(quotes).map((g) => (
        <div class="quote-group" key={g.speaker ?? ''}>
          <h3>{g.speaker ?? t('unattributed')}</h3>
          <ul>
            {g.items.map(({ quote, index }) => (
              <li key={index}>
                <button type="button" class="quote-link" onClick={() => onPick(index)}>
                  {quote.text}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
