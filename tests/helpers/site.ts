// Fixture sites: a temporary folder with the given files, removed after the test file.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes `files` (path -> text or bytes) under a new temporary folder and returns its path. */
export async function makeSite(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'bantin-test-'));
  made.push(root);
  await writeFiles(root, files);
  return root;
}

export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** An article's text with sensible front-matter; override any field, or pass null to leave it out. */
export function article(fields: Record<string, string | null> = {}, body = 'Nội dung bản tin.'): string {
  const all: Record<string, string | null> = {
    title: 'Tin mẫu',
    date: '2020-09-08',
    author: 'Minh Hiệp',
    ...fields,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

/** Every file under `dir` with its bytes, to compare a folder before and after. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const { readdir, readFile } = await import('node:fs/promises');
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = (await readFile(path)).toString('base64');
  }
  return files;
}
