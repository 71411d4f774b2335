// No code from content is ever run: nothing in bantin's source evaluates strings as code.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

describe('bantin\'s source', () => {
  it('has no eval, no new Function, no vm module, no import() of a computed name, and one caller of gray-matter', async () => {
    const files = await fg('**/*.ts', { cwd: SRC });
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of files) {
      const code = (await readFile(SRC + file, 'utf8')).replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const [name, pattern] of [
        ['eval', /\beval\s*\(/],
        ['new Function', /\bnew\s+Function\s*\(/],
        ['the vm module', /['"](node:)?vm['"]/],
        ['import() of a computed name', /\bimport\s*\(\s*[^'"\s)]/],
        ['a V8 flag set at run time', /setFlagsFromString/],
      ] as const) {
        if (pattern.test(code)) found.push(`${file}: ${name}`);
      }
      // gray-matter runs JavaScript front-matter with its default engines: only the adapter may call it.
      if (/from ['"]gray-matter['"]/.test(code) && file !== 'content/frontmatter.ts') found.push(`${file}: gray-matter outside the adapter`);
    }
    expect(found).toEqual([]);
  });
});
