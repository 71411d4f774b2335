// Rewrites the golden master, tests/golden/<site>.sha256, from the compiled bantin (`npm run golden`).
// Commit the result only when the change in the output is meant, and say why in the commit body.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as bantin from '../lib/index.js';
import { GOLDEN_DIR, GOLDEN_SITES, formatHashes, hashSite } from '../tests/golden/sites.mjs';

for (const site of GOLDEN_SITES) {
  const file = join(GOLDEN_DIR, `${site.name}.sha256`);
  const text = formatHashes(await hashSite(bantin, site));
  const before = await readFile(file, 'utf8').catch(() => '');
  await writeFile(file, text);
  const count = text.split('\n').length - 1;
  console.log(`${site.name}: ${count} files, ${before === text ? 'unchanged' : 'rewritten'} (tests/golden/${site.name}.sha256)`);
}
