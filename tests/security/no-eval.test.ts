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
      // One library per job, each behind its adapter: the YAML parser, the folder walker.
      if (/from ['"]js-yaml['"]/.test(code) && file !== 'content/yaml.ts') found.push(`${file}: js-yaml outside the adapter`);
      if (/from ['"]fast-glob['"]/.test(code) && file !== 'walk.ts') found.push(`${file}: fast-glob outside the adapter`);
      for (const other of code.matchAll(/from ['"](yaml|js-yaml\/.+|glob|globby|tinyglobby|fdir|readdirp|klaw|walkdir)['"]/g)) found.push(`${file}: ${other[1]}`);
    }
    expect(found).toEqual([]);
  });

  it('installs one YAML parser, the one gray-matter loads, and one folder walker', async () => {
    const lock = JSON.parse(await readFile(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, { version: string; dev?: boolean }> };
    const installed = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.dev).map(([path, entry]) => `${path.replace(/.*node_modules\//, '')}@${entry.version.split('.')[0]}`);
    const yamlParsers = installed.filter((name) => /^(js-yaml|yaml|yamljs|@stoplight\/yaml)@/.test(name));
    expect(yamlParsers).toEqual(['js-yaml@3']);
    // chokidar, the watcher of `bantin dev`, lists a folder with readdirp when it starts watching it; nothing else walks.
    const walkers = installed.filter((name) => /^(fast-glob|glob|globby|tinyglobby|fdir|readdirp|klaw|walkdir)@/.test(name));
    expect(walkers).toEqual(['fast-glob@3', 'readdirp@3']);
    const requiredBy = (name: string) => Object.entries(lock.packages).filter(([, entry]) => name in ((entry as { dependencies?: object }).dependencies ?? {})).map(([path]) => path.replace(/.*node_modules\//, '') || 'bantin');
    expect(requiredBy('readdirp')).toEqual(['chokidar']);
    expect(requiredBy('js-yaml').sort()).toEqual(['bantin', 'gray-matter']);
  });
});
