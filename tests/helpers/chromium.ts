// The system's Chromium for browser tests: launched headless, never downloaded.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

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
