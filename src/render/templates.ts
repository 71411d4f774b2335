// Nunjucks adapter: one environment per build, autoescaping on, templates only from the site's folder.
import { relative } from 'node:path';
import nunjucks from 'nunjucks';
import { toIsoString, formatTime, type PublishedAt } from '../content/dates.js';
import { BantinError } from '../errors.js';
import type { Locale } from '../locales.js';

export interface Templates {
  /** Renders a template compiled earlier in this build. */
  render(name: string, context: Record<string, unknown>): string;
}

/** Site-relative path of the page being rendered, e.g. `bac-kan/index.html`. */
export interface PageContext {
  outputPath: string;
}

/**
 * Compiles the named templates from `dir` once. Template errors come back as BantinErrors
 * naming the template file and line.
 */
export function createTemplates(dir: string, names: readonly string[], locale: Locale, cwd: string): Templates {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dir, { noCache: true }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  const where = (error: unknown) => templateError(error, dir, cwd);

  env.addFilter('date', (date: PublishedAt) => locale.formatDate(date));
  env.addFilter('longDate', (date: PublishedAt) => locale.formatLongDate(date));
  env.addFilter('time', (date: PublishedAt) => formatTime(date));
  env.addFilter('iso', (date: PublishedAt) => toIsoString(date));
  /** A site-relative path as a link from the current page, so the site works in any sub-folder. */
  env.addFilter('url', function (this: { ctx: { page: PageContext } }, path: string) {
    return relativeUrl(this.ctx.page.outputPath, path);
  });
  env.addGlobal('t', locale.strings);
  env.addGlobal('language', locale.language);

  const compiled = new Map<string, nunjucks.Template>();
  for (const name of names) {
    try {
      compiled.set(name, env.getTemplate(name, true));
    } catch (error) {
      throw where(error);
    }
  }

  return {
    render(name, context) {
      const template = compiled.get(name);
      if (!template) throw new Error(`template ${name} was not compiled for this build`);
      try {
        return template.render(context);
      } catch (error) {
        throw where(error);
      }
    },
  };
}

/** How to reach `target` (site-relative, `''` for the home page) from the page written at `from`. */
export function relativeUrl(from: string, target: string): string {
  const depth = from.split('/').length - 1;
  const up = depth === 0 ? './' : '../'.repeat(depth);
  return up + target.replace(/^\/+/, '');
}

const NUNJUCKS_POSITION = /^\(([^)]*)\)(?: \[Line (\d+), Column (\d+)\])?\s*/;

function templateError(error: unknown, dir: string, cwd: string): BantinError {
  if (!(error instanceof Error)) return new BantinError(String(error), { file: relative(cwd, dir) });
  const text = error.message.replace(/^Template render error:\s*/, '');
  const match = NUNJUCKS_POSITION.exec(text);
  const detail = (match ? text.slice(match[0].length) : text)
    .replace(/^Error: /, '')
    .trim()
    .split('\n')[0]!;
  const file = match?.[1] ? relative(cwd, match[1]) : relative(cwd, dir) || dir;
  const missing = /template not found: (.*)$/.exec(text);
  if (missing) {
    return new BantinError(`The template "${missing[1]}" is missing from the templates folder.`, { file: relative(cwd, dir) || dir });
  }
  return new BantinError(`Template error: ${detail}`, {
    file,
    ...(match?.[2] !== undefined && { line: Number(match[2]), column: Number(match[3]) }),
  });
}
