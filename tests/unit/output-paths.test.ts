import { describe, expect, it } from 'vitest';
import { outputPathProblem } from '../../src/output/paths.js';
import { said } from '../helpers/messages.js';

describe('outputPathProblem', () => {
  it.each(['index.html', 'tin-moi/index.html', '2020/09/bac-kan/index.html', 'assets/bantin.css', 'feed.xml', '50%-dan-so/index.html'])(
    'accepts %s',
    (path) => expect(outputPathProblem(path)).toBeUndefined(),
  );

  it.each([
    ['', /empty/],
    ['../index.html', /"\.\."/],
    ['a/../../b.html', /"\.\."/],
    ['./a.html', /"\."/],
    ['/etc/passwd', /absolute/],
    ['C:/Windows/x', /absolute/],
    ['a\\..\\b.html', /backslash/],
    ['a\0b.html', /control/],
    ['a\nb.html', /control/],
    ['%2e%2e%2fetc/passwd', /"\.\."|absolute/],
    ['%2e%2e/x.html', /"\.\."/],
    ['%252e%252e%252fx.html', /"\.\."/],
    ['a%2fb%5c..%5cc', /backslash/],
    ['a%00b', /control/],
    ['a//b.html', /empty part/],
    ['tin/', /empty part/],
  ])('refuses %j', (path, reason) => {
    expect(said(outputPathProblem(path))).toMatch(reason);
  });
});
