// tests/helpers/chromium.ts: without Chromium a browser suite skips and says why, outside CI;
// in CI every browser test fails instead.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../helpers/chromium.js';

const VITEST = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const CONFIG = fileURLToPath(new URL('fixtures/vitest.config.ts', import.meta.url));

interface Outcome {
  code: number;
  output: string;
}

/** Runs the fixture suite in a vitest of its own, with `env`, and returns what its reporter printed. */
async function runFixture(env: Record<string, string | undefined>, reporter: 'json' | 'default'): Promise<Outcome> {
  // The outer run's own variables would make the inner vitest think it is one of its workers.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'CI'));
  const args = [VITEST, 'run', '--config', CONFIG, '--reporter', reporter];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { env: { ...clean, NO_COLOR: '1', ...env } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** The tests of a JSON report, with their full names and outcomes. */
function testsOf(output: string): { fullName: string; status: string }[] {
  const report = JSON.parse(output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1)) as {
    testResults: { assertionResults: { fullName: string; status: string }[] }[];
  };
  return report.testResults.flatMap((file) => file.assertionResults);
}

describe('browser tests without Chromium', () => {
  const nowhere = '/nonexistent/chromium';

  it('skip outside CI, and the suite name says why', async () => {
    const { code, output } = await runFixture({ BANTIN_CHROMIUM: nowhere }, 'json');
    expect(code).toBe(0);
    const tests = testsOf(output);
    expect(tests).toHaveLength(2);
    for (const test of tests) {
      expect(test.status).toBe('skipped');
      expect(test.fullName).toContain(`[skipped: no Chromium at ${nowhere} (apt-get install -y chromium)]`);
    }
  });

  it('fail in CI: the suite fails with the reason, and none of its tests passes', async () => {
    // Chromium is launched before the suite's tests, so vitest fails the suite and runs none of them.
    const { code, output } = await runFixture({ BANTIN_CHROMIUM: nowhere, CI: 'true' }, 'default');
    expect(code).toBe(1);
    expect(output).toContain('FAIL  needs-chromium.fixture.ts > a page in Chromium');
    expect(output).toContain(`Error: Chromium is required in CI: apt-get install -y chromium (looked for ${nowhere})`);
    expect(output).toMatch(/Tests\s+2 skipped \(2\)/);
    expect(output).not.toMatch(/passed/);
  });

  it.skipIf(!existsSync(CHROMIUM_PATH))('run when Chromium is there', async () => {
    const { code, output } = await runFixture({ BANTIN_CHROMIUM: CHROMIUM_PATH }, 'json');
    expect(code).toBe(0);
    expect(testsOf(output).map((test) => test.status)).toEqual(['passed', 'passed']);
  });
});
