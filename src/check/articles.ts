// Check rules for one article on its own: an empty body, a summary too long to be a lead.
import type { Article } from '../content/article.js';
import type { Reference } from '../content/references.js';
import type { CheckProblem } from './problems.js';
import { msg } from '../messages/index.js';

/** Longer than this, a summary stops reading as a lead (sapo) and is cut in search results. */
export const SUMMARY_LIMIT = 300;

export interface ArticleFacts {
  article: Article;
  /** The body as HTML. */
  html: string;
  /** Line on which the body starts. */
  bodyLine: number;
  references: readonly Reference[];
  /** Where a front-matter field's value is written. */
  locate(field: string): { line: number; column: number } | undefined;
}

export function checkArticle({ article, html, bodyLine, references, locate }: ArticleFacts): CheckProblem[] {
  const file = article.sourcePath;
  const problems: CheckProblem[] = [];
  if (html.trim() === '') {
    problems.push({
      severity: 'warning',
      message: msg('check.noText'),
      file,
      line: bodyLine,
      column: 1,
    });
  }
  const summaryLength = [...article.summary].length;
  if (summaryLength > SUMMARY_LIMIT) {
    problems.push({
      severity: 'warning',
      message: msg('check.summaryLong', { length: summaryLength, limit: SUMMARY_LIMIT }),
      file,
      ...(locate('summary') ?? { line: 1, column: 1 }),
    });
  }
  // Pictures (where they are, their alt text) are checked with the build's own rules: check/photos.ts.
  return problems;
}
