// docs/deploy.md and its workflow files agree with each other and with what bantin really does.
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { lockPathOf } from '../../src/output/lock.js';
import { stagingPrefix } from '../../src/output/stale.js';
import { bantin } from '../helpers/cli.js';
import { article, makeSite } from '../helpers/site.js';

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
const guide = await read('docs/deploy.md');
const pkg = JSON.parse(await read('package.json')) as { version: string };

/** The guide's first fenced block in `language`. */
function block(language: string): string {
  const found = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(guide);
  if (!found) throw new Error(`docs/deploy.md has no ${language} block`);
  return found[1]!;
}

/** Whether a .gitignore pattern (a name, `*` within it, `/` at the end for a folder) matches a top-level entry. */
function ignores(pattern: string, name: string, isFolder: boolean): boolean {
  const folderOnly = pattern.endsWith('/');
  const glob = pattern.replace(/\/$/, '');
  const regex = new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}$`);
  return regex.test(name) && (isFolder || !folderOnly);
}

/** Whether `version` is in a caret range such as ^0.1.0 (same minor below 1.0, same major from 1.0). */
function inCaretRange(range: string, version: string): boolean {
  const numbers = (text: string) => text.split('.').map(Number) as [number, number, number];
  const low = numbers(range.replace(/^\^/, ''));
  const have = numbers(version);
  const same = low[0] === 0 ? low[0] === have[0] && low[1] === have[1] : low[0] === have[0];
  return same && (have[1] > low[1] || (have[1] === low[1] && have[2] >= low[2]));
}

describe('docs/deploy.md', () => {
  it('shows a site package.json that depends on this bantin', () => {
    const site = JSON.parse(block('json')) as { dependencies: Record<string, string> };
    expect(Object.keys(site.dependencies)).toEqual(['bantin']);
    expect(inCaretRange(site.dependencies.bantin!, pkg.version)).toBe(true);
    expect(guide).toContain('`npm ci`');
    expect(guide).toContain('`npx bantin check && npx bantin build`');
  });

  it("keeps out of git everything a build leaves in the site's folder, .bantin-cache/ included", async () => {
    const patterns = block('gitignore').split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(patterns).toContain('.bantin-cache/');

    const root = await makeSite({ 'bantin.yaml': 'title: Bản tin\n', 'content/a.md': article() });
    const before = new Set(await readdir(root));
    expect((await bantin(['build'], root)).code).toBe(0);
    const made = (await readdir(root, { withFileTypes: true })).filter((entry) => !before.has(entry.name));
    expect(made.map((entry) => entry.name).sort()).toEqual(['.bantin-cache', 'dist']);
    // And what a build has there only while it runs, or after it was killed.
    const passing = [
      ...made.map((entry) => ({ name: entry.name, isFolder: entry.isDirectory() })),
      { name: basename(lockPathOf(join(root, 'dist'))), isFolder: false },
      { name: `${stagingPrefix(join(root, 'dist'))}x1y2`, isFolder: true },
    ];
    for (const { name, isFolder } of passing) {
      expect(patterns.some((pattern) => ignores(pattern, name, isFolder)), name).toBe(true);
    }
  });

  it('has workflows that install with npm ci, check, then build, and publish what was built', async () => {
    const github = yaml.load(await read('docs/deploy/github-pages.yml')) as {
      jobs: { build: { steps: { run?: string; with?: { path?: string } }[] } };
    };
    const steps = github.jobs.build.steps;
    const runs = steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toEqual(['npm ci', 'npx bantin check', 'npx bantin build']);
    expect(steps.find((step) => step.with?.path)?.with?.path).toBe('dist');

    const gitlab = yaml.load(await read('docs/deploy/gitlab-ci.yml')) as Record<string, { script: string[]; artifacts?: { paths: string[] } }>;
    expect(gitlab.pages!.script).toEqual(['npm ci --cache .npm --prefer-offline', 'npx bantin check', 'npx bantin build --out public']);
    expect(gitlab.pages!.artifacts!.paths).toEqual(['public']);
    expect(gitlab.check!.script).toEqual(['npm ci', 'npx bantin check']);
  });
});
