import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '@/lib/mojibake';
import { runPipeline } from '@/lib/pipeline';

/** What a UTF-8 text looks like after its bytes were read as Latin-1 (and stored that way). */
const asLatin1 = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));
/** … and as Windows-1252, as a page declaring that encoding shows it. */
const asCp1252 = (s: string) => new TextDecoder('windows-1252').decode(new TextEncoder().encode(s));

describe('repairMojibake', () => {
  it.each(['Earth’s', '“Hi,” she said — and left…', 'costs €5 and 30 ℃', 'École'])(
    'repairs %s encoded twice, as Latin-1 and as Windows-1252',
    (clean) => {
      expect(repairMojibake(asLatin1(clean))).toBe(clean);
      expect(repairMojibake(asCp1252(clean))).toBe(clean);
    },
  );

  it('leaves text alone that could be meant: accents, and mojibake quoted on purpose', () => {
    for (const s of [
      'naïve café, Ærøskøbing, Ünal',
      'how many times I saw "Ã¤" instead of "ä"',
      'WireGuardÂ® protocol',
      'Ã©',
      'â',
      '',
    ])
      expect(repairMojibake(s)).toBe(s);
  });

  it('repairs once: a second pass changes nothing', () => {
    const once = repairMojibake(asLatin1('It’s “done” – mostly'));
    expect(repairMojibake(once)).toBe(once);
  });
});

describe('the pipeline shows a story encoded twice as the writer typed it', () => {
  it('repairs the title, the body, and finds the quotes the broken marks hid', () => {
    const para = (s: string) => `<p>${asLatin1(s)}</p>`;
    const body = [
      'The city’s council met on Tuesday to discuss the bridge, which has been closed for repairs since the spring floods damaged its piers.',
      '“We will reopen it before winter,” said Mayor Ana Lopez, who has led the city since 2019 and faces an election next year.',
      'Engineers said the work — new piers, a new deck and fresh paint — would take about three months, weather permitting, and cost the city’s budget dearly.',
    ]
      .map(para)
      .join('');
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${asLatin1('The city’s bridge will reopen')}</title></head><body><article><h1>${asLatin1('The city’s bridge will reopen')}</h1>${body}</article></body></html>`;
    const { window } = new JSDOM(html, { url: 'https://news.example/2025/03/bridge' });
    const out = runPipeline(window.document, { window: window as unknown as Window });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.article.title).toBe('The city’s bridge will reopen');
    expect(out.article.text).toContain('The city’s council met');
    expect(out.article.text).not.toMatch(/â/);
    expect(out.article.quotes).toEqual([{ text: 'We will reopen it before winter,', speaker: 'Ana Lopez' }]);
  });
});
