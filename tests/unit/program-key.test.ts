// bantin's own part of the cache key: what it is made of, beyond its version number.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { programKey, type Program } from '../../src/environment.js';
import { makeSite, writeFiles } from '../helpers/site.js';

/** A pretend installation: bantin's package.json and code, and one dependency beside it. */
async function installed(): Promise<{ root: string; program: Program }> {
  const root = await makeSite({
    'package.json': '{ "name": "bantin", "version": "0.1.0", "dependencies": { "markdown-it": "^14.0.0" } }',
    'lib/index.js': 'export const a = 1;\n',
    'lib/render/pages.js': 'export const b = 2;\n',
    'lib/index.d.ts': 'export declare const a: number;\n',
    'lib/index.js.map': '{}',
    'node_modules/markdown-it/package.json': '{ "name": "markdown-it", "version": "14.1.0", "exports": { ".": "./index.mjs" } }',
  });
  return { root, program: { packageJson: join(root, 'package.json'), codeDir: join(root, 'lib'), dependencies: ['markdown-it'] } };
}

/** The key before and after `files` are written over the installation. */
async function keysAround(files: Record<string, string>): Promise<[string, string]> {
  const { root, program } = await installed();
  const before = await programKey(program);
  await writeFiles(root, files);
  return [before, await programKey(program)];
}

describe('programKey', () => {
  it('is the same for the same bantin', async () => {
    const [before, after] = await keysAround({});
    expect(after).toBe(before);
  });

  it('changes with any file of the code, though the version number stays', async () => {
    const [before, after] = await keysAround({ 'lib/render/pages.js': 'export const b = 3;\n' });
    expect(after).not.toBe(before);
  });

  it('changes with the version of a dependency installed, even one whose exports hide its package.json', async () => {
    const [before, after] = await keysAround({ 'node_modules/markdown-it/package.json': '{ "name": "markdown-it", "version": "14.2.0", "exports": { ".": "./index.mjs" } }' });
    expect(after).not.toBe(before);
  });

  it('changes with the version number', async () => {
    const [before, after] = await keysAround({ 'package.json': '{ "name": "bantin", "version": "0.1.1", "dependencies": { "markdown-it": "^14.0.0" } }' });
    expect(after).not.toBe(before);
  });

  it('leaves out type declarations and source maps, which do not run', async () => {
    const [before, after] = await keysAround({ 'lib/index.d.ts': 'export declare const a: 1;\n', 'lib/index.js.map': '{"version":3}' });
    expect(after).toBe(before);
  });
});
