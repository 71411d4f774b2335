// The preview server: serves the in-memory site on loopback, pushes reloads and errors to open pages.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { posix } from 'node:path';
import { lookup } from 'mrmime';
import { escapeHtml } from '../render/seo.js';
import { isOwnHost, ownNames } from './host.js';
import type { MemorySite } from './memory-site.js';
import { msg, say } from '../messages/index.js';
import type { Language } from '../locales.js';

const EVENTS = '/__bantin/events';
const CLIENT = '/__bantin/live-reload.js';
const clientScript = readFileSync(new URL('../../client/live-reload.js', import.meta.url));
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|feed\+json|rss\+xml|atom\+xml|manifest\+json))/;

export interface Problems {
  title: string;
  lines: string[];
  hint: string;
}

export interface DevServerOptions {
  site: MemorySite;
  host: string;
  port: number;
  /** The sub-folder the site lives in, `/` or `/bantin/`. */
  basePath: string;
  /** The language a refused request is answered in. */
  language?: Language;
}

export class DevServer {
  private readonly server: Server;
  private readonly clients = new Set<ServerResponse>();
  private problems: Problems | undefined;
  /** The names and port this server answers to, known once it listens. */
  private own: { names: Set<string>; port: number; url: string } | undefined;

  constructor(private readonly options: DevServerOptions) {
    this.server = createServer((request, response) => this.handle(request, response));
  }

  /** Starts listening, `offset` ports above the one asked for; resolves to the address to open. */
  listen(offset = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      const port = this.options.port === 0 ? 0 : this.options.port + offset;
      this.server.listen(port, this.options.host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        const port = typeof address === 'object' && address ? address.port : this.options.port;
        const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
        const url = `http://${host}:${port}${this.options.basePath}`;
        this.own = { names: ownNames(this.options.host), port, url };
        resolve(url);
      });
    });
  }

  /** Tells every open page to reload. */
  reload(changed: readonly string[]): void {
    this.problems = undefined;
    this.send('clear', '{}');
    this.send('reload', JSON.stringify(changed));
  }

  /** Shows problems over every open page, and over pages opened until the next good build. */
  showProblems(problems: Problems): void {
    this.problems = problems;
    this.send('problems', JSON.stringify(problems));
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.end();
    this.clients.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(event: string, data: string): void {
    for (const client of this.clients) client.write(`event: ${event}\ndata: ${data}\n\n`);
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    // No page of another origin may read or embed the preview's files: drafts stay on this machine.
    response.setHeader('cross-origin-resource-policy', 'same-origin');
    response.setHeader('x-content-type-options', 'nosniff');
    if (!this.own || !isOwnHost(request.headers.host, this.own.names, this.own.port)) return this.refuse(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = (request.url ?? '/').split('?')[0]!;
    if (pathname === EVENTS) return this.subscribe(response);
    if (pathname === CLIENT) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(request.method === 'HEAD' ? undefined : clientScript);
      return;
    }
    if (!this.options.site.built) {
      // Nothing built yet: every address shows the problems and waits for the build that fixes them.
      response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(request.method === 'HEAD' ? undefined : withLiveReload(waitingPage(this.problems)));
      return;
    }
    const found = this.find(pathname);
    if (found.redirect) {
      response.writeHead(301, { location: found.redirect }).end();
      return;
    }
    const status = found.path ? 200 : 404;
    const path = found.path ?? '404.html';
    let body = this.options.site.get(path);
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 Not Found\n');
      return;
    }
    const type = contentType(path);
    if (type.startsWith('text/html')) body = withLiveReload(body);
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  /**
   * A request for another name, as a page of another site sends after pointing its own name at
   * this machine (DNS rebinding): refused, so that page cannot read the drafts.
   */
  private refuse(request: IncomingMessage, response: ServerResponse): void {
    const asked = (request.headers.host ?? '').slice(0, 100);
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    const own = this.own?.url ?? msg('dev.notListening');
    response.end(`${say(msg('dev.forbidden', { own, asked }), this.options.language ?? 'en')}\n`);
  }

  /**
   * The output file for a URL path. Only names in the built site can be served: the path is
   * decoded and normalised first, and anything that climbs out (`/../`, `%2e%2e`) finds nothing.
   */
  private find(pathname: string): { path?: string; redirect?: string } {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return {};
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return {};
    const normalized = posix.normalize(decoded);
    if (normalized !== decoded && normalized + '/' !== decoded) return {};
    const { basePath } = this.options;
    if (!(normalized + '/').startsWith(basePath)) return {};
    const inside = normalized.slice(basePath.length);
    if (inside.split('/').includes('..')) return {};
    const site = this.options.site;
    if (inside === '' || inside.endsWith('/')) {
      const index = `${inside}index.html`;
      return site.get(index) === undefined ? {} : { path: index };
    }
    if (site.get(inside) !== undefined) return { path: inside };
    if (site.get(`${inside}/index.html`) !== undefined) return { redirect: `${basePath}${inside}/` };
    return {};
  }

  private subscribe(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    response.write(': bantin dev\n\n');
    if (this.problems) response.write(`event: problems\ndata: ${JSON.stringify(this.problems)}\n\n`);
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }
}

/** Types mrmime does not know: a web app manifest, and the favicon.ico many sites keep in static/. */
const MORE_TYPES: Record<string, string> = { webmanifest: 'application/manifest+json', ico: 'image/x-icon' };

export function contentType(path: string): string {
  const extension = posix.extname(path).slice(1).toLowerCase();
  const type = MORE_TYPES[extension] ?? lookup(path) ?? 'application/octet-stream';
  return TEXT_TYPES.test(type) || type === 'image/svg+xml' ? `${type}; charset=utf-8` : type;
}

/** The page served before the first good build; its own file, as the site's templates may be what is broken. */
const waitingTemplate = readFileSync(new URL('../../client/waiting.html', import.meta.url), 'utf8');

/** The page served before the first good build: the problems as text, for a page without scripts too. */
function waitingPage(problems: Problems | undefined): string {
  const fields: Record<string, string> = {
    title: escapeHtml(problems?.title ?? 'bantin: the site is being built'),
    lines: (problems?.lines ?? []).map((line) => `<li><code>${escapeHtml(line)}</code></li>`).join('\n'),
    hint: escapeHtml(problems?.hint ?? 'Trang sẽ tự tải lại. / This page reloads by itself.'),
  };
  return waitingTemplate.replace(/\{(title|lines|hint)\}/g, (_, name: string) => fields[name]!);
}

function withLiveReload(html: string | Uint8Array): string {
  const text = typeof html === 'string' ? html : Buffer.from(html).toString('utf8');
  const tag = `<script src="${CLIENT}" defer></script>`;
  return text.includes('</head>') ? text.replace('</head>', `${tag}\n</head>`) : text + tag;
}
