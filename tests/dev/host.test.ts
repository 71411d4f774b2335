// The preview answers only to its own name: a DNS-rebinding page gets a 403, and no header lets another origin read it.
import { request } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { isOwnHost, ownNames } from '../../src/dev/host.js';
import { MemorySite } from '../../src/dev/memory-site.js';
import { DevServer } from '../../src/dev/server.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET to the server at `url` carrying the `Host` header a browser would send for `host`. */
function get(url: string, path: string, host: string | undefined): Promise<Answer> {
  const { hostname: address, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = host === undefined ? {} : { host };
    const req = request({ hostname: address.replace(/^\[|\]$/g, ''), port, path, headers, setHost: host !== undefined }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const servers: DevServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A preview of a one-page site holding a draft, listening on `host`. */
async function preview(host: string): Promise<{ url: string; port: number }> {
  const site = new MemorySite();
  await site.write('index.html', '<html><head></head><body>Bản nháp bí mật</body></html>');
  await site.write('feed.json', '{"items":[{"title":"Bản nháp bí mật"}]}');
  await site.commit();
  const server = new DevServer({ site, host, port: 0, basePath: '/' });
  servers.push(server);
  const url = await server.listen();
  return { url, port: Number(new URL(url).port) };
}

describe('the Host header', () => {
  it('bound to loopback, is answered for 127.0.0.1, localhost and [::1] with its port', async () => {
    const { url, port } = await preview('127.0.0.1');
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const answer = await get(url, '/', host);
      expect(answer.status, host).toBe(200);
      expect(answer.body).toContain('Bản nháp bí mật');
    }
  });

  it.each(['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', 'localhost', '127.0.0.1:1', '10.0.0.1', 'localhost:80@evil.example'])(
    'refuses a request for %s with 403 and a plain sentence',
    async (name) => {
      const { url, port } = await preview('127.0.0.1');
      const host = /:\d+$/.test(name) || name === 'localhost' ? name : `${name}:${port}`;
      for (const path of ['/', '/feed.json', '/__bantin/events', '/__bantin/live-reload.js']) {
        const answer = await get(url, path, host);
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(answer.body).toContain('bantin dev answers only at its own address');
        expect(answer.body).toContain(url);
        expect(answer.body).not.toContain('Bản nháp');
      }
    },
  );

  it('refuses a request with no Host header', async () => {
    const { url } = await preview('127.0.0.1');
    // HTTP/1.1 without Host is already refused by Node (400); what matters is that it is not served.
    const answer = await get(url, '/', undefined).catch(() => ({ status: 0, body: '' }) as Answer);
    expect(answer.status).not.toBe(200);
    expect(answer.body).not.toContain('Bản nháp');
  });

  it('bound to 0.0.0.0, answers to loopback, to the machine\'s addresses and name, and to nothing else', async () => {
    const { url, port } = await preview('0.0.0.0');
    const addresses = Object.values(networkInterfaces()).flatMap((list) => list ?? [])
      .filter((entry) => entry.family === 'IPv4').map((entry) => entry.address);
    for (const name of ['0.0.0.0', 'localhost', '127.0.0.1', ...addresses, hostname()]) {
      expect((await get(url, '/', `${name}:${port}`)).status, name).toBe(200);
    }
    expect((await get(url, '/', `evil.example:${port}`)).status).toBe(403);
  });

  it('sends no CORS header, and forbids other origins to embed its files', async () => {
    const { url, port } = await preview('127.0.0.1');
    for (const path of ['/', '/feed.json', '/nowhere/']) {
      const answer = await get(url, path, `127.0.0.1:${port}`);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('ownNames and isOwnHost', () => {
  it('bound to one address, names that address only', () => {
    expect([...ownNames('192.168.1.20')]).toEqual(['192.168.1.20']);
    expect(isOwnHost('192.168.1.20:8080', ownNames('192.168.1.20'), 8080)).toBe(true);
    expect(isOwnHost('localhost:8080', ownNames('192.168.1.20'), 8080)).toBe(false);
  });

  it('bound to ::1 or localhost, names every loopback spelling', () => {
    for (const host of ['::1', 'localhost', '127.0.0.1']) {
      const names = ownNames(host);
      for (const name of ['localhost', '127.0.0.1', '[::1]']) expect(names.has(name), `${host}: ${name}`).toBe(true);
    }
  });

  it('needs the port it listens on; a Host without a port means 80', () => {
    const names = ownNames('127.0.0.1');
    expect(isOwnHost('localhost', names, 80)).toBe(true);
    expect(isOwnHost('localhost', names, 8080)).toBe(false);
    expect(isOwnHost('localhost.:8080', names, 8080)).toBe(true);
    expect(isOwnHost('localhost:8081', names, 8080)).toBe(false);
    expect(isOwnHost('', names, 8080)).toBe(false);
    expect(isOwnHost(undefined, names, 8080)).toBe(false);
  });
});
