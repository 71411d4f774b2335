// What `bantin check` reports: problems with a severity, printed one a line or as JSON.
import { formatWhere, type BantinError } from '../errors.js';
import type { Language } from '../locales.js';
import { say, type Message } from '../messages/index.js';
import { paint } from '../progress.js';

/** An error breaks the build or the published site; a warning is worth fixing but breaks nothing. */
export type Severity = 'error' | 'warning';

export interface CheckProblem {
  severity: Severity;
  /** Said in the editor's language when printed. */
  message: Message;
  /** Path as the user knows it. */
  file?: string;
  line?: number;
  column?: number;
}

export function fromBantinError(error: BantinError, severity: Severity = 'error'): CheckProblem {
  return {
    severity,
    message: error.detail,
    ...(error.file !== undefined && { file: error.file }),
    ...(error.line !== undefined && { line: error.line }),
    ...(error.column !== undefined && { column: error.column }),
  };
}

/** By file, then line and column, so an editor can work down the list. */
export function sortProblems(problems: readonly CheckProblem[]): CheckProblem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `path:line:column  severity  message`, the shape editors and terminals link to (the same place in every language). */
export function formatProblem(problem: CheckProblem, language: Language = 'en', color = false): string {
  const where = formatWhere(problem);
  const severity = paint(color, problem.severity === 'error' ? 'red' : 'yellow', say({ id: `severity.${problem.severity}` }, language));
  const message = say(problem.message, language);
  return where ? `${where}  ${severity}  ${message}` : `${severity}  ${message}`;
}

/** A problem as `--format json` gives it: its message said in the editor's language, and its id for tools. */
export function problemRecord(problem: CheckProblem, language: Language): Record<string, unknown> {
  return { ...problem, id: problem.message.id, message: say(problem.message, language) };
}
