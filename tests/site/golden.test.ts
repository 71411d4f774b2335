// The golden master: every file the example site and the fixture sites build at a fixed moment,
// byte for byte, against the hashes committed in tests/golden/ (a fixed reference, not the code
// compared with itself).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as bantin from '../../src/index.js';
import { GOLDEN_DIR, GOLDEN_SITES, hashSite, parseHashes } from '../golden/sites.mjs';

/** What differs between the committed hashes and the built ones, one line per path. */
function differences(expected: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  for (const path of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const want = expected.get(path);
    const got = actual.get(path);
    if (want === undefined) lines.push(`  extra:   ${path} (built, not in the golden file)`);
    else if (got === undefined) lines.push(`  missing: ${path} (in the golden file, not built)`);
    else if (want !== got) lines.push(`  changed: ${path}`);
  }
  return lines;
}

describe('the golden master', () => {
  for (const site of GOLDEN_SITES) {
    it(`${site.name}: every output file has the committed path and SHA-256`, async () => {
      const file = join(GOLDEN_DIR, `${site.name}.sha256`);
      const expected = parseHashes(await readFile(file, 'utf8'));
      const actual = await hashSite(bantin, site);
      const diff = differences(expected, actual);
      const message = [
        `The build of ${site.name} differs from tests/golden/${site.name}.sha256 in ${diff.length} of ${actual.size} files:`,
        ...diff,
        'If the change is meant, run "npm run golden" and commit the new hashes on their own, saying in the commit body why the output changed.',
      ].join('\n');
      expect(diff.length === 0, message).toBe(true);
    });
  }
});
