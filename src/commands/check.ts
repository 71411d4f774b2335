// `bantin check [--format json] [--quiet]`: the content check on the command line, for editors,
// git hooks and CI. Exit 1 when there is an error; warnings alone exit 0.
import type { Output } from '../cli.js';
import { checkSite } from '../check/check.js';
import { formatProblem, problemRecord } from '../check/problems.js';
import { msg, say } from '../messages/index.js';
import { paint, wantsColor } from '../progress.js';
import { parseCommand } from './usage.js';

export async function checkCommand(argv: string[], io: Output): Promise<number> {
  const parsed = parseCommand('check', argv, io, {
    options: {
      root: { type: 'string' },
      content: { type: 'string' },
      templates: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string', default: 'text' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, language } = parsed;
  if (values.format !== 'text' && values.format !== 'json') {
    io.err(say(msg('check.format', { value: values.format ?? '' }), language));
    return 2;
  }

  const report = await checkSite({
    ...(values.root !== undefined && { root: values.root }),
    ...(values.content !== undefined && { contentDir: values.content }),
    ...(values.templates !== undefined && { templatesDir: values.templates }),
    ...(values.out !== undefined && { outDir: values.out }),
  });
  const status = report.errors > 0 ? 1 : 0;

  if (values.format === 'json') {
    const { durationMs: _, ...rest } = report;
    io.out(JSON.stringify({ ...rest, problems: rest.problems.map((problem) => problemRecord(problem, language)) }, null, 2));
    return status;
  }
  const color = io.stdout ? wantsColor(io.stdout) : false;
  for (const problem of report.problems) {
    if (values.quiet && problem.severity !== 'error') continue;
    io.out(formatProblem(problem, language, color));
  }
  if (!values.quiet) {
    const counts = [
      report.errors > 0 && paint(color, 'red', say(msg('check.errors', { count: report.errors }), language)),
      report.warnings > 0 && paint(color, 'yellow', say(msg('check.warnings', { count: report.warnings }), language)),
    ].filter(Boolean);
    const summary = msg('check.summary', {
      articles: report.articles,
      ms: Math.round(report.durationMs),
      counts: counts.length > 0 ? counts.join(', ') : paint(color, 'green', say(msg('check.none'), language)),
    });
    io.out(`${report.problems.length > 0 ? '\n' : ''}${say(summary, language)}`);
  }
  return status;
}
