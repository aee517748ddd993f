import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/quotes';

function quoted(html: string, lang = 'ar') {
  const doc = document.implementation.createHTMLDocument('t');
  const root = doc.createElement('div');
  root.innerHTML = html;
  doc.body.appendChild(root);
  const before = root.textContent;
  const quotes = findQuotes(root, { lang });
  expect(root.textContent).toBe(before);
  return { texts: quotes.map((q) => q.text), html: root.innerHTML };
}

describe('Arabic press quote marks', () => {
  it('marks « » quotes', () => {
    expect(quoted('<p>وقال الوزير: «سنبدأ العمل غدا». ثم غادر.</p>').texts).toEqual(['سنبدأ العمل غدا']);
  });

  it('marks mirrored ” “ quotes (opening ” before the text, closing “ after it)', () => {
    const { texts, html } = quoted(
      '<p>وقالت المديرة: ”نريد مكانا يلتقي فيه الناس“. وأضافت أن المبنى جديد.</p>',
    );
    expect(texts).toEqual(['نريد مكانا يلتقي فيه الناس']);
    expect(html).toContain('\u201D<q>نريد مكانا يلتقي فيه الناس</q>\u201C');
  });
});
