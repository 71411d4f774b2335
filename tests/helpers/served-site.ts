// A built site served for a suite of browser tests, with Chromium: opened before the suite, closed after.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { build } from '../../src/index.js';
import { launchChromium } from './chromium.js';
import { serve, type StaticServer } from './serve.js';
import { makeSite } from './site.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface ServedSite {
  browser: Browser;
  server: StaticServer;
}

/** Registers the suite's hooks: `make` builds the site and gives its output folder. Read the fields inside tests. */
export function servedInChromium(make: () => Promise<string>): ServedSite {
  const site = {} as ServedSite;
  beforeAll(async () => {
    site.server = await serve(await make());
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** The example site of the repository, built into a new folder. */
export async function builtExample(): Promise<string> {
  const out = join(await makeSite({}), 'dist');
  await build({ root: REPO, outDir: out });
  return out;
}
