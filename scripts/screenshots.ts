/**
 * `npm run screenshots`: build the extension, open the bundled sample story in the reader and
 * save one screenshot per theme to docs/reader-{light,sepia,dark}.png (shown in the README).
 * `--no-build` reuses the current production build.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launch, openSettings, PROD_BUILD, ROOT, startServer, waitForOverlay } from './harness';
import { servePlaceholderImages } from './placeholder-image';

const SAMPLE = '/voa-aleppo.html';
const THEMES = ['Light', 'Sepia', 'Dark'];

if (!process.argv.includes('--no-build')) {
  const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = await startServer();
const session = await launch(PROD_BUILD);
try {
  await servePlaceholderImages(session.context);
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(server.origin + SAMPLE);
  await session.clickAction(page);
  await waitForOverlay(page, true);
  // Past the lead photo, to the text and its highlighted quotes.
  await page.evaluate(() => {
    const root = document.querySelector('reader-mode-overlay')?.shadowRoot;
    const q = root?.querySelector('.article-body q');
    const reader = root?.querySelector('.reader');
    if (q && reader) reader.scrollTop += q.getBoundingClientRect().top - 240;
  });
  const dir = join(ROOT, 'docs');
  mkdirSync(dir, { recursive: true });
  const themes = page.locator('reader-mode-overlay [role="group"][aria-label="Theme"]');
  const settings = page.locator('reader-mode-overlay button.settings-toggle');
  for (const theme of THEMES) {
    // Chosen in the settings, which close again for the picture.
    await openSettings(page);
    await themes.getByRole('button', { name: theme, exact: true }).click();
    await settings.click();
    // No hover or focus ring on the button just clicked.
    await page.mouse.move(0, 0);
    await page.evaluate(() =>
      (document.querySelector('reader-mode-overlay')?.shadowRoot?.activeElement as HTMLElement)?.blur(),
    );
    const file = join(dir, `reader-${theme.toLowerCase()}.png`);
    await page.screenshot({ path: file });
    console.log(relative(ROOT, file));
  }
} finally {
  await session.close();
  await server.close();
}
