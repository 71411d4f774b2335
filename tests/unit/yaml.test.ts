// The YAML adapter: one parser for front-matter and bantin.yaml, and where a key is written.
import { describe, expect, it } from 'vitest';
import { locateYaml, parseYaml, toYaml } from '../../src/content/yaml.js';
import { parseConfig } from '../../src/config.js';
import { BantinError, type BuildFailure } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';

const CONFIG = [
  'title: Bản tin',
  'feeds:',
  '  items: nhiều',
  '  content: full',
  'menu:',
  '  - { title: A, url: / }',
  '  - title: B',
  '    url: "x"',
  'markdown:',
  '  iframeHosts:',
  '  - www.youtube.com',
  '  - 5',
].join('\n');

describe('where a key is written', () => {
  it.each([
    [['title'], 'value', 1, 8],
    [['title'], 'key', 1, 1],
    [['feeds', 'items'], 'value', 3, 10],
    [['feeds', 'content'], 'key', 4, 3],
    [['menu', '1', 'url'], 'value', 8, 10],
    [['menu', '1', 'title'], 'key', 7, 5],
    [['markdown', 'iframeHosts', '1'], 'value', 12, 5],
    [['feeds'], 'value', 3, 3],
  ] as const)('%j (%s) at %i:%i', (path, part, line, column) => {
    expect(locateYaml(CONFIG, path, part)).toEqual({ line, column });
  });

  it('is unknown for what is not there', () => {
    expect(locateYaml(CONFIG, ['feeds', 'missing'], 'value')).toBeUndefined();
    expect(locateYaml(CONFIG, ['menu', '5'], 'value')).toBeUndefined();
  });

  it('names the line of a nested setting in the configuration', () => {
    const failure = (() => {
      try {
        parseConfig(CONFIG, 'bantin.yaml');
      } catch (caught) {
        return caught as BuildFailure;
      }
    })();
    expect(failure?.problems.map((problem) => problem.format())).toEqual([
      'bantin.yaml:3:10  feeds.items is "nhiều", but it must be a whole number.',
      'bantin.yaml:12:5  markdown.iframeHosts.1 is 5, but it must be text.',
    ]);
  });
});

describe('parsing', () => {
  it('keeps dates and numbers-looking text as the core schema reads them', () => {
    expect(parseYaml('a: 2020-09-08\nb: 08/09/2020\nc: 5\nd: "5"\n', { file: 'x', line: 1, what: msg('word.frontMatter') })).toEqual({ a: '2020-09-08', b: '08/09/2020', c: 5, d: '5' });
  });

  it('writes what it reads back', () => {
    const data = { title: 'Tin "mới": a\nb', tags: ['x', 'y'], n: '5' };
    expect(parseYaml(toYaml(data), { file: 'x', line: 1, what: msg('word.frontMatter') })).toEqual(data);
  });

  it('says where the text is wrong, on the file\'s own lines', () => {
    const error = (() => {
      try {
        parseYaml('\ntitle: A\ntags: [a, b\n', { file: 'a.md', line: 1, what: msg('word.frontMatter') });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(BantinError);
    expect((error as BantinError).line).toBeGreaterThanOrEqual(3);
  });
});
