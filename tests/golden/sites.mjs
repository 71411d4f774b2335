// The golden master's sites: what `npm run golden` builds and `tests/site/golden.test.ts` checks.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The moment every golden site is built for: later articles are scheduled. */
export const GOLDEN_NOW = Date.UTC(2022, 0, 1);

/** The folder of the `.sha256` files, one per site. */
export const GOLDEN_DIR = fileURLToPath(new URL('.', import.meta.url));

export const GOLDEN_SITES = [
  { name: 'example', root: REPO, options: { drafts: false, future: false } },
  { name: 'golden', root: FIXTURES + 'golden', options: { drafts: false, future: false } },
  { name: 'golden-preview', root: FIXTURES + 'golden', options: { drafts: true, future: true } },
  { name: 'golden-en', root: FIXTURES + 'golden-en', options: { drafts: false, future: false } },
];

/**
 * Builds a site into memory with the given bantin API (the compiled one for the script, the
 * sources for the test) and returns each output path with the SHA-256 of its bytes.
 */
export async function hashSite(api, site) {
  const writer = new api.MemoryWriter();
  await api.build({ root: site.root, writer, now: GOLDEN_NOW, ...site.options });
  const hashes = new Map();
  for (const [path, content] of writer.files) hashes.set(path, createHash('sha256').update(content).digest('hex'));
  return hashes;
}

/** The text of a `.sha256` file: `sha256  path` lines, sorted by path, as `sha256sum` writes them. */
export function formatHashes(hashes) {
  const paths = [...hashes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return paths.map((path) => `${hashes.get(path)}  ${path}\n`).join('');
}

/** A `.sha256` file's text back to path -> hash. */
export function parseHashes(text) {
  const hashes = new Map();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match) throw new Error(`Not a "sha256  path" line: ${JSON.stringify(line)}`);
    hashes.set(match[2], match[1]);
  }
  return hashes;
}
