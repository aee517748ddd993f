/**
 * Property tests for the sanitizer: random (often broken) HTML built from dangerous tags,
 * attributes, URLs and text, plus mutated slices of the hostile fixture pages and the XSS fixture
 * payloads. For every input: no throw, no script-capable output (also after a serialize/parse
 * round trip), and sanitize∘serialize is idempotent. Fixed seeds keep failures reproducible.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sanitizeArticle, serializeFragment } from '../../lib/sanitize';
import { findViolations, reparse, sanitizeAndCheck } from './sanitize-invariants';

const SEED = 20240314;
/** Generous per-test timeout: the machine running the suite may be shared and busy. */
const TIMEOUT = 60_000;
/** 2,000 cases in all, about 16 s of jsdom time on an idle machine. */
const RUNS = { random: 1000, hostile: 200, payloads: 650, element: 150 };
let fuzzed = 0;

// biome-ignore format: a packed word list reads better than one word per line
const TAGS = [
  'p', 'a', 'img', 'div', 'span', 'b', 'i', 'q', 'table', 'tr', 'td', 'ul', 'li', 'pre', 'picture',
  'figure', 'details', 'summary', 'h2', 'source', 'svg', 'math', 'mtext', 'mglyph', 'mi', 'style',
  'script', 'noscript', 'template', 'iframe', 'object', 'embed', 'form', 'input', 'button',
  'select', 'option', 'textarea', 'title', 'xmp', 'noembed', 'foreignObject', 'desc',
  'annotation-xml', 'marquee', 'dialog', 'slot', 'base', 'meta', 'link', 'video', 'audio',
  'x-widget', 'image', 'frameset', 'listing', 'body', 'html', 'head', 'animate', 'set', 'use',
];

// biome-ignore format: a packed word list reads better than one word per line
const ATTRS = [
  'href', 'src', 'srcset', 'style', 'id', 'name', 'class', 'onclick', 'onerror', 'onload',
  'ONMOUSEOVER', 'xlink:href', 'action', 'formaction', 'background', 'poster', 'data', 'cite',
  'srcdoc', 'title', 'alt', 'data-speaker', 'data-x', 'is', 'target', 'rel', 'ping', 'width',
  'autofocus', 'open', 'http-equiv', 'content', 'xmlns', 'attributeName', 'values', 'to',
  'encoding', 'lang', 'longdesc', 'shadowrootmode',
];

// biome-ignore format: a packed word list reads better than one word per line
const URLS = [
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java&#x09;script:alert(1)',
  '&#106;avascript:alert(1)', ' \u0001javascript:alert(1)', 'javascript&colon;alert(1)',
  'jav&#x0A;ascript:alert(1)', 'java\u0000script:1', 'vbscript:msgbox(1)', 'data:text/html,<script>1</script>',
  'data:text/html;base64,PHNjcmlwdD4=', 'data:image/svg+xml;base64,PHN2Zz4=', 'data:image/png;base64,iVBORw0KGgo=',
  'data:image/png,<svg>', 'blob:https://x.org/u', 'filesystem:https://x.org/t/x', 'file:///etc/passwd',
  'https://example.org/a b', 'http://example.org/', 'mailto:a@example.org', '#frag', '/rel', 'rel.jpg',
  '//cdn.example.org/x.jpg', 'https://x.org/a.jpg 1x, javascript:alert(1) 2x', '\u2028javascript:1',
  '%6Aavascript:1', 'intent://x#Intent;end', 'DATA:image/png;base64,AAAA',
];

// biome-ignore format: a packed word list reads better than one word per line
const TEXT_BITS = [
  '<', '>', '&', '"', "'", '`', '<!--', '-->', '--!>', ']]>', '<![CDATA[', '</', '/>', '=', ' ', '\n',
  '\t', '\u0000', '\u2028', '&#106;', '&lt;', '&gt;', 'x', 'text', '</style>', '</noscript>',
  '</title>', '</textarea>', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<?xml x?>',
  '\n\n', '&#13;', '\r\n', '&nbsp;', '\u00a0',
];

const text = fc
  .array(fc.oneof(fc.constantFrom(...TEXT_BITS), fc.string({ maxLength: 6 })), { maxLength: 5 })
  .map((a) => a.join(''));
const attrValue = fc.oneof(
  fc.constantFrom(...URLS),
  text,
  fc.constant('alert(1)'),
  fc.constant('</style><img src=x onerror=alert(1)>'),
);
const quote = fc.constantFrom('"', "'", '', '`');
const attr = fc
  .tuple(fc.constantFrom(...ATTRS), attrValue, quote, fc.boolean())
  .map(([name, value, q, bare]) =>
    bare ? name : `${name}=${q}${q === '"' ? value.replace(/"/g, '&quot;') : value}${q}`,
  );

const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.array(attr, { maxLength: 4 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.constantFrom('close', 'open', 'selfclose'),
      )
      .map(([tag, attrs, children, end]) => {
        const open = `<${tag}${attrs.map((a) => ` ${a}`).join('')}${end === 'selfclose' ? '/' : ''}>`;
        return open + children.join('') + (end === 'close' ? `</${tag}>` : '');
      }),
  ),
}));
const html = fc.array(node, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));

const HOSTILE_DIR = join(__dirname, '..', 'fixtures', 'hostile');
const HOSTILE = readdirSync(HOSTILE_DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => readFileSync(join(HOSTILE_DIR, f), 'utf8'));
const PAYLOADS: string[] = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'dompurify', 'payloads.json'), 'utf8'),
).map((f: { payload: string }) => f.payload);

/** Edits that break markup in the ways real pages (and attackers) do. */
type Edit = { kind: 'insert' | 'delete' | 'duplicate' | 'upper'; at: number; len: number; snippet: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'duplicate', 'upper'),
  at: fc.nat(),
  len: fc.nat({ max: 40 }),
  snippet: fc.oneof(fc.constantFrom(...PAYLOADS), html),
});

function applyEdits(source: string, edits: Edit[]): string {
  let s = source;
  for (const e of edits) {
    const at = s.length ? e.at % s.length : 0;
    if (e.kind === 'insert') s = s.slice(0, at) + e.snippet + s.slice(at);
    else if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.len);
    else if (e.kind === 'duplicate')
      s = s.slice(0, at + e.len) + s.slice(at, at + e.len) + s.slice(at + e.len);
    else s = s.slice(0, at) + s.slice(at, at + e.len).toUpperCase() + s.slice(at + e.len);
  }
  return s;
}

/** A window of a hostile page's body (whole pages are slow in jsdom; windows cut tags mid-way too). */
const hostileSlice = fc
  .tuple(
    fc.constantFrom(...HOSTILE),
    fc.nat(),
    fc.integer({ min: 200, max: 2500 }),
    fc.array(edit, { maxLength: 4 }),
  )
  .map(([page, start, len, edits]) => {
    const body = page.slice(page.indexOf('<body'));
    const from = start % Math.max(1, body.length - len);
    return applyEdits(body.slice(from, from + len), edits);
  });

const payloadMix = fc
  .tuple(
    fc.array(fc.constantFrom(...PAYLOADS), { minLength: 1, maxLength: 3 }),
    fc.array(edit, { maxLength: 3 }),
  )
  .map(([parts, edits]) => applyEdits(parts.join(''), edits));

function check(input: string): void {
  fuzzed++;
  sanitizeAndCheck(input, 'fuzz');
}

describe('sanitizer fuzzing (fast-check)', () => {
  afterAll(() => {
    console.info(`[fuzz] ${fuzzed} generated inputs sanitized and checked (seed ${SEED})`);
  });

  it(
    `random dangerous HTML: safe and idempotent (${RUNS.random} cases)`,
    () => {
      fc.assert(fc.property(html, check), { seed: SEED, numRuns: RUNS.random });
    },
    TIMEOUT,
  );

  it(
    `mutated slices of the hostile pages: safe and idempotent (${RUNS.hostile} cases)`,
    () => {
      fc.assert(fc.property(hostileSlice, check), { seed: SEED + 1, numRuns: RUNS.hostile });
    },
    TIMEOUT,
  );

  it(
    `mixed and mutated XSS fixture payloads: safe and idempotent (${RUNS.payloads} cases)`,
    () => {
      fc.assert(fc.property(payloadMix, check), { seed: SEED + 2, numRuns: RUNS.payloads });
    },
    TIMEOUT,
  );

  it(
    `sanitizing a random Element (not a string) is just as safe (${RUNS.element} cases)`,
    () => {
      fc.assert(
        fc.property(html, (markup) => {
          fuzzed++;
          const holder = document.createElement('div');
          holder.innerHTML = markup;
          const fragment = sanitizeArticle(holder);
          expect(findViolations(fragment)).toEqual([]);
          const out = serializeFragment(fragment);
          expect(findViolations(reparse(out))).toEqual([]);
          expect(serializeFragment(sanitizeArticle(out))).toBe(out);
        }),
        { seed: SEED + 3, numRuns: RUNS.element },
      );
    },
    TIMEOUT,
  );
});
