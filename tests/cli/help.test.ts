// The newcomer's first commands: --help on every command, one-line mistakes, and what `bantin new` asks for.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bantin } from '../helpers/cli.js';
import { makeSite } from '../helpers/site.js';

const COMMANDS = {
  build: ['--content', '--templates', '--root', '--out', '--drafts', '--future', '--quiet', '--threads', '--no-cache', '--lang'],
  new: ['--author', '--category', '--draft', '--page', '--content', '--root', '--quiet', '--lang'],
  check: ['--content', '--templates', '--root', '--out', '--format', '--quiet', '--lang'],
  import: ['--dry-run', '--content', '--root', '--lang'],
  dev: ['--port', '--host', '--content', '--templates', '--root', '--lang'],
};

let root: string;
beforeAll(async () => {
  root = await makeSite({});
});

describe('bantin <command> --help', () => {
  it.each(Object.entries(COMMANDS))('bantin %s --help and -h print its options and exit 0', async (command, options) => {
    for (const flag of ['--help', '-h']) {
      const run = await bantin([command, flag], root);
      expect(run.code, `${command} ${flag}: ${run.stderr}`).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: bantin ${command} `));
      for (const option of options) expect(run.stdout, option).toContain(option);
    }
  });

  it('bantin --help lists every command with every option it takes', async () => {
    const run = await bantin(['--help'], root);
    expect(run.code).toBe(0);
    for (const [command, options] of Object.entries(COMMANDS)) {
      expect(run.stdout).toContain(`bantin ${command} `);
      const section = new RegExp(`Options for ${command}:\\n([\\s\\S]*?)(\\n\\n|$)`).exec(run.stdout)?.[1];
      expect(section, command).toBeDefined();
      for (const option of options) expect(section, `${command} ${option}`).toContain(option);
    }
  });

  it('each option the help lists is one the command accepts', async () => {
    for (const [command, options] of Object.entries(COMMANDS)) {
      const help = (await bantin([command, '--help'], root)).stdout;
      const listed = [...new Set(help.match(/--[a-z][a-z-]+/g))].filter((option) => option !== '--help');
      expect(listed.sort(), command).toEqual([...options].sort());
    }
  });
});

describe('wrong usage', () => {
  it.each([
    [['--bogus'], /^bantin: there is no option --bogus\. Run "bantin --help" for the options\.$/],
    [['build', '--bogus'], /^bantin build: there is no option --bogus\. Run "bantin build --help" for the options\.$/],
    [['check', '--nope'], /^bantin check: there is no option --nope\. Run "bantin check --help" for the options\.$/],
    [['new', 'Tin', '-x'], /^bantin new: there is no option -x\. Run "bantin new --help" for the options\.$/],
    [['dev', '--bogus'], /^bantin dev: there is no option --bogus\. Run "bantin dev --help" for the options\.$/],
    [['dev', '--port'], /^bantin dev: --port needs a value\./],
    [['check', '--quiet=yes'], /^bantin check: --quiet takes no value\./],
    [['check', 'extra'], /^bantin check: unexpected "extra": this command takes options only\./],
    [['publish'], /^bantin: unknown command "publish"\. Run "bantin --help" for the commands\.$/],
  ])('%j gets one line and exit 2, without a stack', async (args, message) => {
    const run = await bantin(args, root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });
});

describe('bantin new without an author', () => {
  it('writes the file and says the three ways to give it an author', async () => {
    const site = await makeSite({ 'bantin.yaml': 'title: Bản tin thử\n' });
    const run = await bantin(['new', 'Họp báo'], site);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/hop-bao\.md$/);
    expect(await readFile(join(site, run.stdout.trim()), 'utf8')).toContain('author: ""');
    expect(run.stderr).toContain('the article has no author yet');
    expect(run.stderr).toContain('--author "Tên tác giả"');
    expect(run.stderr).toContain('"defaultAuthor: Ban Biên tập" in bantin.yaml');
  });

  it('says nothing of the kind when the site has a default author or --author is given', async () => {
    const site = await makeSite({ 'bantin.yaml': 'defaultAuthor: Ban Biên tập\n' });
    expect((await bantin(['new', 'Họp báo'], site)).stderr).toBe('');
    expect((await bantin(['new', 'Tin khác', '--author', 'Minh Hiệp'], await makeSite({}))).stderr).toBe('');
  });
});
