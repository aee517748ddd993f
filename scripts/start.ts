/**
 * `npm start`: build the extension, open Chromium with it on the bundled sample story, and
 * open the reader with a real toolbar click. With a display the browser stays open; without
 * one, a screenshot is saved and its absolute path printed on a line of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, PROD_BUILD, ROOT, startServer, waitForOverlay } from './harness';
import { servePlaceholderImages } from './placeholder-image';

const SAMPLE = '/voa-aleppo.html';

if (!process.argv.includes('--no-build')) {
  const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const headless = !process.env.DISPLAY;
const server = await startServer();
const session = await launch(PROD_BUILD, { headless });
await servePlaceholderImages(session.context);
const page = session.context.pages()[0] ?? (await session.context.newPage());
await page.goto(server.origin + SAMPLE);
await session.clickAction(page);
await waitForOverlay(page, true);

if (headless) {
  const dir = join(ROOT, '.output');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'reader-sample.png');
  await page.screenshot({ path: file });
  console.log(file);
  await session.close();
  await server.close();
} else {
  console.log('Reader open on the sample story. Close the browser window to finish.');
  session.context.on('close', () => void server.close());
}
