// `bantin import FILE|DIR...`: brings the old portal's bulletins into the content folder and
// reports each one. Exit 0 when every bulletin is in, 1 when some were skipped, 2 wrong usage.
import { existsSync } from 'node:fs';
import type { Output } from '../cli.js';
import { BantinError, BuildFailure } from '../errors.js';
import { importArchive, type ImportEntry, type ImportReport } from '../import/import.js';
import { parseCommand } from './usage.js';
import type { Language } from '../locales.js';
import { msg, say, type Message } from '../messages/index.js';

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
  const tell = (message: Message) => say(message, language);
  const missing = positionals.length === 0 ? msg('import.sayWhich') : absent(positionals);
  if (missing !== undefined) {
    io.err(tell(msg('import.usage', { mistake: missing })));
    return 2;
  }
  try {
    const report = await importArchive({
      paths: positionals,
      ...(values.root !== undefined && { root: values.root }),
      ...(values.content !== undefined && { contentDir: values.content }),
      dryRun: values['dry-run'] ?? false,
    });
    for (const entry of report.entries) io.out(entryLine(entry, report.dryRun, language));
    io.out(`\n${tell(summary(report))}`);
    return report.entries.some((entry) => entry.status === 'skipped') ? 1 : 0;
  } catch (error) {
    if (!(error instanceof BantinError || error instanceof BuildFailure)) throw error;
    for (const problem of error instanceof BuildFailure ? error.problems : [error]) io.err(problem.format(language));
    return 1;
  }
}

function absent(paths: readonly string[]): Message | undefined {
  const path = paths.find((p) => !existsSync(p));
  return path === undefined ? undefined : msg('import.absent', { path });
}

const STATUS = { imported: msg('import.imported'), present: msg('import.present'), skipped: msg('import.skipped') } as const;

/** `portal-article.txt:1  imported  content/2020/09/bac-kan-....md`: where, what, and the result. */
function entryLine(entry: ImportEntry, dryRun: boolean, language: Language): string {
  const status = dryRun && entry.status === 'imported' ? msg('import.wouldImport') : STATUS[entry.status];
  const result = entry.file ?? (entry.reason && say(entry.reason, language)) ?? '';
  return `${entry.source}:${entry.line}  ${say(status, language)}  ${result}`;
}

function summary(report: ImportReport): Message {
  const count = (status: ImportEntry['status']) => report.entries.filter((entry) => entry.status === status).length;
  const counts = { files: report.sources, imported: count('imported'), present: count('present'), skipped: count('skipped') };
  return msg(report.dryRun ? 'import.summaryDry' : 'import.summary', counts);
}
