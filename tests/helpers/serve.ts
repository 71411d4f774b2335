// A static HTTP server for a built site on 127.0.0.1, so browser tests get a real origin (localStorage needs one).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  /** The absolute URL of a site-relative path: `url('bac-kan/')`. */
  url(path?: string): string;
  close(): Promise<void>;
}

/** Serves `dir` on a free port; resolves once the server is listening. */
export async function serve(dir: string): Promise<StaticServer> {
  // dev + etag: "Cache-Control: no-cache", so a test never sees a file from an earlier build, and
  // pages stay eligible for the back/forward cache ("no-store" would keep them out of it).
  const files = sirv(dir, { dev: true, etag: true, dotfiles: false });
  const server = createServer((request, response) => {
    files(request, response, () => {
      response.statusCode = 404;
      response.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path = '') => `${origin}/${path.replace(/^\/+/, '')}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // A browser keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
