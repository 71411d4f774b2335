// The system's Chromium for browser tests: launched headless, never downloaded.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';

/** Debian's Chromium; BANTIN_CHROMIUM points elsewhere, so the skip and the CI failure can be tested. */
export const CHROMIUM_PATH = process.env.BANTIN_CHROMIUM || '/usr/bin/chromium';

const missing = !existsSync(CHROMIUM_PATH);
const inCI = process.env.CI === 'true';

/**
 * True when browser tests should be skipped: Chromium is missing and this is not CI.
 * In CI a missing browser is a broken machine, so the tests run and fail in `launchChromium`.
 */
export const skipBrowserTests = missing && !inCI;

/** A suite name that says why it was skipped, so the reporter shows the reason. */
export function browserSuite(name: string): string {
  if (!skipBrowserTests) return name;
  const reason = `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
  console.warn(`${name}: ${reason}`);
  return `${name} [${reason}]`;
}

/**
 * A suite of tests that need Chromium. Without it, outside CI, the suite is skipped with the
 * reason in its name; in CI it runs, and `launchChromium` fails every test in it.
 */
export function describeInChromium(name: string, body: () => void): void {
  describe.skipIf(skipBrowserTests)(browserSuite(name), body);
}

export async function launchChromium(): Promise<Browser> {
  if (missing) {
    throw new Error(
      inCI
        ? `Chromium is required in CI: apt-get install -y chromium (looked for ${CHROMIUM_PATH})`
        : `Chromium is missing at ${CHROMIUM_PATH}: apt-get install -y chromium`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    // Playwright turns the back/forward cache off; readers' browsers have it, and pages must cope with it.
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
}
