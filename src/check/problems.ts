// What `bantin check` reports: problems with a severity, printed one a line or as JSON.
import type { BantinError } from '../errors.js';
import { paint } from '../progress.js';

/** An error breaks the build or the published site; a warning is worth fixing but breaks nothing. */
export type Severity = 'error' | 'warning';

export interface CheckProblem {
  severity: Severity;
  message: string;
  /** Path as the user knows it. */
  file?: string;
  line?: number;
  column?: number;
}

export function fromBantinError(error: BantinError, severity: Severity = 'error'): CheckProblem {
  return {
    severity,
    message: error.message,
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

/** `path:line:column  severity  message`, the shape editors and terminals link to. */
export function formatProblem(problem: CheckProblem, color = false): string {
  let where = problem.file ?? '';
  if (problem.file !== undefined && problem.line !== undefined) {
    where += `:${problem.line}`;
    if (problem.column !== undefined) where += `:${problem.column}`;
  }
  const severity = paint(color, problem.severity === 'error' ? 'red' : 'yellow', problem.severity);
  return where ? `${where}  ${severity}  ${problem.message}` : `${severity}  ${problem.message}`;
}
