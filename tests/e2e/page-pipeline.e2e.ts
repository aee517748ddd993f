/**
 * Firefox's reader runs the pipeline in the page (it has no offscreen documents). That path is
 * covered here in Chromium, with a build that differs from the production build only by taking it
 * (`wxt build --mode page-pipeline`): the same story, the same marks, no pipeline document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overlayInfo, PAGE_PIPELINE_BUILD, PROD_BUILD, waitForOverlay } from '../../scripts/harness';
import { useExtension } from './browser';

const env = useExtension(PAGE_PIPELINE_BUILD);

describe('the reader with the pipeline in the page (Firefox’s way)', () => {
  it('holds the pipeline in its own bundle and has no pipeline document', () => {
    const reader = (dir: string) => readFileSync(join(dir, 'content-scripts/reader.js'), 'utf8');
    // Readability's own words, which only a bundle holding it contains.
    expect(reader(PAGE_PIPELINE_BUILD)).toContain('byline');
    expect(reader(PAGE_PIPELINE_BUILD).length).toBeGreaterThan(2 * reader(PROD_BUILD).length);
  });

  it('opens the story with its photos and attributed quotes, and closes on a second click', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/voa-aleppo.html?page-pipeline=1`);
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    const info = await overlayInfo(page);
    expect(info?.title).toBe('Syrian Army Says Aleppo Has Been Retaken; US, UN Remain Wary');
    expect(info?.text).toContain('The war-torn city of Aleppo has been recaptured');
    const shape = await page.evaluate(() => {
      const root = document.querySelector('reader-mode-overlay')!.shadowRoot!;
      return {
        figures: [...root.querySelectorAll('article figure')].filter(
          (f) => f.querySelector('img') && f.querySelector('figcaption'),
        ).length,
        speakers: [...root.querySelectorAll('article q[data-speaker]')].map((q) =>
          q.getAttribute('data-speaker'),
        ),
      };
    });
    expect(shape.figures).toBe(4);
    expect(shape.speakers).toContain('John Kirby');
    const contexts = await env.session.worker.evaluate(() =>
      // biome-ignore lint/suspicious/noExplicitAny: the worker's chrome API, untyped here.
      (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }),
    );
    expect(contexts).toEqual([]);
    await env.session.clickAction(page);
    await waitForOverlay(page, false);
    await page.close();
  });
});
