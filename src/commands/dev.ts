// `bantin dev`: build into memory, serve on loopback, rebuild and reload on every change.
import { sep } from 'node:path';
import { build, sitePaths, type BuildOptions, type SitePaths } from '../build.js';
import { CONFIG_FILE, loadConfig } from '../config.js';
import { BantinError, BuildFailure, pathShower } from '../errors.js';
import { BuildCache } from '../incremental.js';
import { MemorySite } from '../dev/memory-site.js';
import { DevServer } from '../dev/server.js';
import { watchSources, type Change } from '../dev/watch.js';
import type { Output } from '../cli.js';
import { DEFAULT_PORT, parseCommand } from './usage.js';
import type { Language } from '../locales.js';
import { msg, say } from '../messages/index.js';

export interface DevOptions extends Pick<BuildOptions, 'root' | 'contentDir' | 'templatesDir'> {
  host?: string;
  /** Of the messages in the terminal and over the pages. Default: English. */
  language?: Language;
  /** 0 picks a free port. */
  port?: number;
}

export interface DevSession {
  url: string;
  /** Settles after the rebuild that follows the latest change. */
  close(): Promise<void>;
}

/** Starts the preview. A first build with errors still starts the server, showing them. */
export async function startDev(options: DevOptions, io: Output): Promise<DevSession> {
  const paths = sitePaths(options);
  const site = new MemorySite();
  const cache = new BuildCache();
  const basePath = configuredBasePath(paths);
  const language = options.language ?? 'en';
  const server = new DevServer({ site, host: options.host ?? '127.0.0.1', port: options.port ?? DEFAULT_PORT, basePath, language });

  let first = true;
  const rebuild = async (changes: Change[] = []) => {
    const hadBuild = site.built;
    const edited = editedArticles(changes, paths.contentDir);
    try {
      const result = await build({
        ...options, writer: site, cache, drafts: true, future: true,
        ...(edited && { edited }),
      });
      if (!first) {
        const ms = Math.round(result.durationMs);
        io.out(say(hadBuild ? msg('dev.rebuilt', { ms, count: site.changedPaths.length }) : msg('dev.fixed', { ms }), language));
        server.reload(site.changedPaths);
      }
    } catch (error) {
      reportProblems(error, { site, server, io, language });
    }
    first = false;
  };

  await rebuild();
  const watcher = watchSources([paths.contentDir, paths.pagesDir, ...paths.templateDirs, paths.configFile, paths.staticDir], rebuild);
  const url = await listen(server, options.port === undefined);
  await watcher.ready;
  return {
    url,
    async close() {
      await watcher.close();
      await server.close();
    },
  };
}

function configuredBasePath(paths: SitePaths): string {
  const show = pathShower(process.cwd(), paths.root);
  try {
    return loadConfig(paths.configFile, show(paths.configFile)).basePath;
  } catch {
    // The build reports a broken configuration; serve from the root meanwhile.
    return '/';
  }
}

/**
 * The files to read again when only articles were edited. A new or removed file, a template, the
 * configuration or a static file changed: none, and the build reads everything.
 */
function editedArticles(changes: readonly Change[], contentDir: string): string[] | undefined {
  const articlesOnly = changes.length > 0 && changes.every(({ event, path }) =>
    event === 'change' && path.startsWith(contentDir + sep) && /\.md$/i.test(path));
  return articlesOnly ? [...new Set(changes.map((change) => change.path))] : undefined;
}

/** A build's problems, in the terminal and on every page of the preview; anything else is a bug. */
function reportProblems(error: unknown, { site, server, io, language }: { site: MemorySite; server: DevServer; io: Output; language: Language }): void {
  if (!(error instanceof BuildFailure || error instanceof BantinError)) throw error;
  const problems = (error instanceof BuildFailure ? error.problems : [error]).map((problem) => problem.format(language));
  for (const line of problems) io.err(line);
  const count = problems.length;
  io.err(say(site.built ? msg('dev.serving', { count }) : msg('dev.nothingYet', { count }), language));
  server.showProblems({
    title: say(msg('dev.overlayTitle', { count }), language),
    lines: problems,
    hint: say(msg('dev.overlayHint'), language),
  });
}

/** Listens on the port asked for; on the default port, moves up when it is taken. */
async function listen(server: DevServer, mayMove: boolean): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await server.listen(attempt);
    } catch (error) {
      if (!mayMove || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt === 20) throw error;
    }
  }
}

/** The CLI entry for `bantin dev`. Runs until Ctrl-C. */
export async function devCommand(argv: string[], io: Output): Promise<number> {
  const parsed = parseCommand('dev', argv, io, {
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      content: { type: 'string' },
      templates: { type: 'string' },
      root: { type: 'string' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, language } = parsed;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    io.err(say(msg('dev.port', { value: values.port ?? '' }), language));
    return 2;
  }
  const session = await startDev(
    {
      ...(values.root !== undefined && { root: values.root }),
      ...(values.content !== undefined && { contentDir: values.content }),
      ...(values.templates !== undefined && { templatesDir: values.templates }),
      ...(values.host !== undefined && { host: values.host }),
      ...(port !== undefined && { port }),
      language,
    },
    io,
  );
  // Listen before saying "Ctrl-C stops": a Ctrl-C sent the moment the line appears must stop the
  // server cleanly, not find Node's default handler still in place.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
  io.out(say(msg('dev.started', { url: session.url, file: CONFIG_FILE }), language));
  await stopped;
  await session.close();
  io.out(say(msg('dev.stopped'), language));
  return 0;
}
