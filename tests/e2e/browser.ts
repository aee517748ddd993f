/**
 * What most e2e files share: the fixture server and one browser with the extension loaded, for the
 * whole file, both closed after it. The returned object is filled in before the file's first test.
 */
import { afterAll, beforeAll } from 'vitest';
import { type FixtureServer, launch, type Session, startServer } from '../../scripts/harness';
import { servePlaceholderImages } from '../../scripts/placeholder-image';
import { requireDisplay } from './permission-prompt';

export interface ExtensionEnv {
  server: FixtureServer;
  session: Session;
}

export function useExtension(
  build: string,
  opts: {
    /** A headed browser on the virtual display: real key presses, clicks and prompts reach it. */
    headed?: boolean;
    /** Answer image requests with stand-in images (the fixtures' photos are not in the repository). */
    placeholderImages?: boolean;
  } = {},
): ExtensionEnv {
  const env = {} as ExtensionEnv;
  beforeAll(async () => {
    if (opts.headed) requireDisplay();
    env.server = await startServer();
    env.session = await launch(build, { headless: !opts.headed });
    if (opts.placeholderImages) await servePlaceholderImages(env.session.context);
  });
  afterAll(async () => {
    await env.session?.close();
    await env.server?.close();
  });
  return env;
}
