// `bantin import FILE|DIR...`: brings the old portal's bulletins into the content folder and
// reports each one. Exit 0 when every bulletin is in, 1 when some were skipped, 2 wrong usage.
import { existsSync } from 'node:fs';
import type { Output } from '../cli.js';
import { BantinError, BuildFailure } from '../errors.js';
import { importArchive, type ImportEntry, type ImportReport } from '../import/import.js';
import { parseCommand } from './usage.js';

export async function importCommand(argv: string[], io: Output): Promise<number> {
  const parsed = parseCommand('import', argv, io, {
    positionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      content: { type: 'string' },
      root: { type: 'string' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, language } = parsed;
  const missing = positionals.length === 0 ? 'Say which file or folder to import.' : absent(positionals);
  if (missing !== undefined) {
    io.err(`bantin import: ${missing}\nRun "bantin import --help" for the options.`);
    return 2;
  }
  try {
    const report = await importArchive({
      paths: positionals,
      ...(values.root !== undefined && { root: values.root }),
      ...(values.content !== undefined && { contentDir: values.content }),
      dryRun: values['dry-run'] ?? false,
    });
    for (const entry of report.entries) io.out(entryLine(entry, report.dryRun));
    io.out(summary(report));
    return report.entries.some((entry) => entry.status === 'skipped') ? 1 : 0;
  } catch (error) {
    if (!(error instanceof BantinError || error instanceof BuildFailure)) throw error;
    for (const problem of error instanceof BuildFailure ? error.problems : [error]) io.err(problem.format(language));
    return 1;
  }
}

function absent(paths: readonly string[]): string | undefined {
  const path = paths.find((p) => !existsSync(p));
  return path === undefined ? undefined : `There is no file or folder "${path}".`;
}

const STATUS = { imported: 'imported', present: 'already there', skipped: 'skipped' } as const;

/** `portal-article.txt:1  imported  content/2020/09/bac-kan-....md`: where, what, and the result. */
function entryLine(entry: ImportEntry, dryRun: boolean): string {
  const status = dryRun && entry.status === 'imported' ? 'would import' : STATUS[entry.status];
  return `${entry.source}:${entry.line}  ${status}  ${entry.file ?? entry.reason ?? ''}`;
}

function summary(report: ImportReport): string {
  const count = (status: ImportEntry['status']) => report.entries.filter((entry) => entry.status === status).length;
  const imported = count('imported');
  const articles = `${imported} ${imported === 1 ? 'article' : 'articles'}`;
  const files = `${report.sources} ${report.sources === 1 ? 'file' : 'files'}`;
  const rest = `${count('present')} already there, ${count('skipped')} skipped`;
  if (report.dryRun) return `\nFrom ${files}: ${articles} would be imported, ${rest}. Nothing was written (--dry-run).`;
  return `\nFrom ${files}: ${articles} imported, ${rest}.`;
}
