// What a build is made with besides its content: bantin itself, the configuration, the options
// and the templates. A cache made with anything else is not used.
import { createHash, type Hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from './walk.js';
import type { SiteConfig } from './config.js';

/** A hash of bantin itself (see `programKey`), the configuration, the build options and every template file. */
export async function environmentKey(config: SiteConfig, templateDirs: readonly string[], options: object): Promise<string> {
  const hash = createHash('sha1');
  hash.update(JSON.stringify(config));
  hash.update(JSON.stringify(options));
  await hashProgramAndTemplates(hash, templateDirs);
  return hash.digest('base64url');
}

/** Adds bantin itself (see `programKey`) and every file of the template folders, names and bytes, to `hash`. */
export async function hashProgramAndTemplates(hash: Hash, templateDirs: readonly string[]): Promise<void> {
  hash.update(await (runningProgram ??= programKey(running())));
  for (const dir of templateDirs) {
    for (const file of filesUnder(dir, '**/*')) {
      hash.update(file).update(await readFile(join(dir, file)));
    }
  }
}

/** Where bantin is: its package.json, the folder of its code (lib/, or src/ when run from the sources), its dependencies. */
export interface Program {
  packageJson: string;
  codeDir: string;
  dependencies: readonly string[];
}

/** The bantin that runs. */
function running(): Program {
  const codeDir = fileURLToPath(new URL('.', import.meta.url));
  const packageJson = join(codeDir, '../package.json');
  const { dependencies = {} } = JSON.parse(readFileSync(packageJson, 'utf8')) as { dependencies?: object };
  return { packageJson, codeDir, dependencies: Object.keys(dependencies) };
}

/** bantin's own hash, made once per process: the code that runs does not change while it runs. */
let runningProgram: Promise<string> | undefined;

/**
 * A hash of what bantin is: its package.json, every file of its code and the version of each
 * dependency installed. A change to any of them may change what a page becomes (a fix in
 * bantin without a new version number, a Markdown parser updated beside it), so the pages of
 * the last build are not kept.
 */
export async function programKey(program: Program): Promise<string> {
  const hash = createHash('sha1');
  hash.update(await readFile(program.packageJson));
  for (const file of filesUnder(program.codeDir, '**/*.{js,ts}', { ignore: ['**/*.d.ts'] })) {
    hash.update(`\0${file}\0`).update(readFileSync(join(program.codeDir, file)));
  }
  const require = createRequire(join(program.codeDir, 'index.js'));
  for (const name of program.dependencies) hash.update(`\0${name}@${installedVersion(require, name) ?? 'missing'}`);
  return hash.digest('base64url');
}

/** The version of the package `name` that `require` finds, read from its package.json (which its exports may hide). */
function installedVersion(require: NodeJS.Require, name: string): string | undefined {
  for (const dir of require.resolve.paths(name) ?? []) {
    try {
      return (JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as { version?: string }).version ?? '';
    } catch {
      // Not in this node_modules folder: Node looks in the next one up, and so does this.
    }
  }
  return undefined;
}
