import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { compileHints } from '@/build/compile-hints';
import { dompurifyLazy } from '@/build/dompurify-lazy';
import { pipelineOutOfPage } from '@/build/pipeline-out-of-page';
import { readabilityEsm, withoutCheckMessages, withoutLogCalls } from '@/build/readability-esm';

// The build rewrites two dependencies (see build/). These tests run the rewrites on the installed
// packages' real files, so a new version with another shape fails here, not in a user's browser.
const require = createRequire(import.meta.url);

type Transform = (code: string, id: string) => { code: string } | null;
const run = (plugin: { transform?: unknown }, file: string) =>
  (plugin.transform as Transform)(readFileSync(file, 'utf8'), file);

/**
 * Evaluates a rewritten, import-free module and returns its default export (the test runner cannot
 * import files it did not transform itself). A default export the rewrite failed to produce throws.
 */
// biome-ignore lint/suspicious/noExplicitAny: the rewritten modules are untyped here.
function defaultExport(code: string): any {
  const m = /export\s*(?:\{\s*(\w+) as default\s*\}|default\s+(\w+))\s*;?\s*(?:\/\/#.*)?$/.exec(code.trim());
  if (!m) throw new Error('no default export at the end of the module');
  return new Function(`${code.slice(0, code.trim().length - m[0].length)}\nreturn ${m[1] ?? m[2]};`)();
}

describe('dompurify-lazy', () => {
  const file = join(dirname(require.resolve('dompurify')), 'purify.es.mjs');

  it('drops the default instance DOMPurify builds on load', () => {
    const out = run(dompurifyLazy(), file);
    expect(out).not.toBeNull();
    expect(readFileSync(file, 'utf8')).toMatch(/= createDOMPurify\(\);/);
    expect(out?.code).not.toMatch(/= createDOMPurify\(\);/);
  });

  it('still makes a working sanitizer for a given window, the way lib/sanitize.ts asks for one', () => {
    const out = run(dompurifyLazy(), file);
    const purifier = defaultExport(out?.code ?? '')(new JSDOM('').window);
    expect(purifier.isSupported).toBe(true);
    expect(purifier.sanitize('<p>Hi<img src="x" onerror="alert(1)"></p><script>alert(2)</script>')).toBe(
      '<p>Hi<img src="x"></p>',
    );
  });

  it('leaves other files alone', () => {
    expect(run(dompurifyLazy(), require.resolve('@mozilla/readability/Readability.js'))).toBeNull();
  });
});

describe('readability-esm', () => {
  it('turns the CommonJS export into a default export that parses a page', () => {
    const file = require.resolve('@mozilla/readability/Readability.js');
    const out = run(readabilityEsm(), file);
    expect(out?.code).not.toContain('module.exports');
    const Readability = defaultExport(out?.code ?? '');
    const story =
      '<p>The harbour master said the new sea wall would be finished before the autumn tides.</p>';
    const doc = new JSDOM(
      `<html><body><nav><a href="/">Home</a></nav><article>${story.repeat(8)}</article></body></html>`,
    ).window.document;
    expect(new Readability(doc).parse()?.textContent).toContain('sea wall');
  });

  it('drops the debug logging calls and nothing else: the same article as the original', () => {
    const file = require.resolve('@mozilla/readability/Readability.js');
    const original = readFileSync(file, 'utf8');
    const code = run(readabilityEsm(), file)?.code ?? '';
    expect(original).toContain('this.log(');
    expect(code).not.toContain('this.log(');
    // With no call left, the logger is a no-op whatever `debug` says.
    expect(original).toContain('let logNode');
    expect(code).not.toContain('logNode');
    expect(code).toContain('this.log = function () {};');
    // The reasons collected for the log go too; the checks that count them stay.
    expect(original).toContain('Too many inputs per p.');
    expect(code).not.toContain('Too many inputs per p.');
    expect(code.match(/errs\.push\(0\)/g)).toHaveLength(original.match(/errs\.push\(/g)?.length ?? -1);
    const page = readFileSync(join(import.meta.dirname, '../fixtures/voa-aleppo.html'), 'utf8');
    const parse = (R: new (d: Document) => { parse(): { content: string } | null }) =>
      new R(new JSDOM(page, { url: 'https://www.voanews.com/a/aleppo/3646418.html' }).window.document).parse()
        ?.content;
    expect(parse(defaultExport(code))).toBe(parse(require(file)));
  });

  it('finds the end of each call past parentheses inside strings, and leaves unbalanced code alone', () => {
    expect(withoutLogCalls('a();this.log("x (y", f(1), `)`);b();')).toBe('a();void 0;b();');
    expect(withoutLogCalls('this.log("unclosed";')).toBe('this.log("unclosed";');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Readability's source, as text.
    expect(withoutCheckMessages('if (a) {\n  errs.push(\n    `Bad (x=${x})`\n  );\n}')).toBe(
      'if (a) {\n  errs.push(0);\n}',
    );
  });
});

describe('compile-hints', () => {
  it("puts V8's compile-everything comment on the first line of the reader only, once", () => {
    const chunk = (fileName: string) => ({ type: 'chunk', fileName, code: '(function(){})();' });
    const bundle = {
      reader: chunk('content-scripts/reader.js'),
      detector: chunk('content-scripts/detector.js'),
    };
    const plugin = compileHints(/^content-scripts\/reader\.js$/);
    const generate = plugin.generateBundle as (options: unknown, bundle: unknown) => void;
    generate({}, bundle);
    generate({}, bundle);
    expect(bundle.reader.code).toBe('//# allFunctionsCalledOnLoad\n(function(){})();');
    expect(bundle.detector.code).toBe('(function(){})();');
  });
});

describe('pipeline-out-of-page', () => {
  type Resolve = (source: string, importer?: string) => string | null;
  type Load = (id: string) => string | null;
  const reader = '/repo/entrypoints/reader.content/controller.tsx';

  it("resolves the reader's import of the pipeline to a stub in a build that reads elsewhere", () => {
    const plugin = pipelineOutOfPage(true);
    const resolve = plugin.resolveId as unknown as Resolve;
    // As written, and as the alias plugin hands it on.
    for (const source of ['@/lib/pipeline', '/repo/lib/pipeline', '/repo/lib/pipeline.ts']) {
      const id = resolve(source, reader);
      expect(id, source).not.toBeNull();
      const stub = (plugin.load as unknown as Load)(id!);
      expect(stub).toMatch(/export function runPipelineAsync\(\)/);
      // Calling it says why instead of reading anything.
      expect(() => new Function(`${stub!.replace('export ', '')}; runPipelineAsync();`)()).toThrow(
        /pipeline document/,
      );
    }
  });

  it('leaves every other import alone, and the reader of a build that reads in the page', () => {
    const resolve = pipelineOutOfPage(true).resolveId as unknown as Resolve;
    expect(resolve('@/lib/pipeline', '/repo/entrypoints/offscreen/main.ts')).toBeNull();
    expect(resolve('@/lib/pipeline-place', reader)).toBeNull();
    expect(resolve('./pipeline', '/repo/lib/read-page.ts')).toBeNull();
    expect((pipelineOutOfPage(false).resolveId as unknown as Resolve)('@/lib/pipeline', reader)).toBeNull();
    expect((pipelineOutOfPage(true).load as unknown as Load)('/repo/lib/pipeline.ts')).toBeNull();
  });
});
