// What `npm install bantin` gets: every file the compiled program reads at run time is in the package.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the published package', () => {
  it('holds the program, its worker, templates, schema and the preview client, and no tests', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as [
      { files: { path: string }[] },
    ];
    const files = pack.files.map((file) => file.path);
    for (const needed of [
      'bin/bantin.js', 'lib/cli.js', 'lib/index.js', 'lib/index.d.ts', 'lib/parallel/worker.js',
      'templates/base.njk', 'templates/assets/bantin.css', 'schema/bantin.schema.json',
      'client/live-reload.js', 'client/waiting.html', 'package.json', 'README.md',
    ]) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((file) => file.startsWith('tests/') || file.startsWith('src/') || file.startsWith('bench/'))).toEqual([]);
  });
});
