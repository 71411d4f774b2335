// Messages about a value name it without printing it back whole, and a baseUrl that is not an
// address is a configuration error with its line and column, not a TypeError.
import { describe, expect, it } from 'vitest';
import { BantinError, build, BuildFailure } from '../../src/index.js';
import { checkSite } from '../../src/check/check.js';
import { parseConfig } from '../../src/config.js';
import { article, makeSite } from '../helpers/site.js';
import { said } from '../helpers/messages.js';

const HUGE = 'a1'.repeat(100_000);

/** Every problem a build of `files` reports, as printed. */
async function printedProblems(files: Record<string, string>): Promise<string[]> {
  const failure = await build({ root: await makeSite(files) }).then(() => undefined, (error: unknown) => error);
  expect(failure).toBeInstanceOf(BuildFailure);
  return (failure as BuildFailure).problems.map((problem) => problem.format());
}

describe('a 200 KB value in a message', () => {
  it('is cut short, with its length, in every field of an article', async () => {
    const printed = await printedProblems({
      'content/ngay.md': article({ date: `"${HUGE}"` }),
      'content/nhap.md': article({ title: 'Nháp', draft: `"${HUGE}"` }),
      'content/sua.md': article({ title: 'Sửa', updated: `"3${HUGE}"` }),
      'content/ngon-ngu.md': `---${HUGE}\ntitle: X\n---\n`,
    });
    expect(printed).toHaveLength(4);
    for (const line of printed) {
      expect(line.length, line.slice(0, 200)).toBeLessThan(400);
      expect(line).toContain('(200,');
    }
  });

  it('is cut short in every setting of bantin.yaml', async () => {
    for (const setting of ['baseUrl', 'permalink', 'timeZone', 'language', 'perPage', HUGE]) {
      const value = setting === HUGE ? '1' : `"${setting === 'baseUrl' ? 'https://' : '/'}${HUGE} x"`;
      const printed = await printedProblems({ 'bantin.yaml': `title: Bản tin\n${setting}: ${value}\n`, 'content/a.md': article() });
      expect(printed, setting.slice(0, 20)).toHaveLength(1);
      expect(printed[0]!.length, printed[0]!.slice(0, 200)).toBeLessThan(400);
      expect(printed[0]).toMatch(/^bantin\.yaml:2:\d+ {2}/);
    }
  });

  it('is cut short in what bantin check says of links and images', async () => {
    const root = await makeSite({
      'bantin.yaml': 'title: Bản tin\nbaseUrl: https://bantin.example/\n',
      'content/a.md': article({}, `[xem](../${HUGE}/) ![](../images/${HUGE}.jpg)`),
    });
    const report = await checkSite({ root });
    expect(report.problems.length).toBeGreaterThanOrEqual(2);
    for (const problem of report.problems) expect(said(problem.message)!.length, said(problem.message)!.slice(0, 200)).toBeLessThan(600);
  });
});

describe('baseUrl', () => {
  it.each([
    ['https://exa mple.org/', 'is not a web address'],
    ['https://[::1/', 'is not a web address'],
    ['ftp://example.org/', 'is not a web address'],
    ['https://example.org/?trang=1', 'has a "?" or "#" part'],
    ['https://example.org/#dau', 'has a "?" or "#" part'],
  ])('%s is an error at its line and column: %s', (url, why) => {
    const error = (() => {
      try {
        parseConfig(`title: Bản tin\nbaseUrl: "${url}"\n`, 'bantin.yaml');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BantinError);
    const problem = error as BantinError;
    expect([problem.line, problem.column]).toEqual([2, 10]);
    expect(problem.message).toContain(`baseUrl ${JSON.stringify(url)} ${why}`);
  });

  it('that is an address builds, with or without its last slash', () => {
    expect(parseConfig('baseUrl: https://backan.gov.vn/bantin\n', 'bantin.yaml').baseUrl).toBe('https://backan.gov.vn/bantin/');
  });
});
