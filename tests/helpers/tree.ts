// A folder's content as path -> SHA-256, to tell whether a build changed a single byte of it.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Files larger than this (the sparse gigabyte of a hostile fixture) are told by their size and times, not read. */
const HASHED_UP_TO = 64 * 1024 * 1024;

export async function treeHashes(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const stats = await stat(path);
    hashes[path.slice(dir.length + 1)] = stats.size > HASHED_UP_TO
      ? `size ${stats.size}, modified ${stats.mtimeMs}`
      : createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1)));
}
