// Which `Host` headers the preview answers: its own names only, so a DNS-rebinding page cannot read drafts.
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/**
 * The host names (lowercase, IPv6 in brackets) a server listening on `listenHost` answers to.
 * Bound to loopback: the loopback names. Bound to one address: that address. Bound to every
 * address (0.0.0.0 or ::), as a phone on the network needs: the loopback names, every address
 * of this machine's interfaces, and its own name (with `.local`, as mDNS announces it). A name
 * that resolves here through someone else's DNS is never on the list: that is the attack.
 */
export function ownNames(listenHost: string): Set<string> {
  const host = unbracket(listenHost.toLowerCase());
  const names = new Set<string>([bracket(host)]);
  if (isLoopback(host)) for (const name of LOOPBACK_NAMES) names.add(name);
  if (WILDCARDS.has(host)) {
    for (const name of LOOPBACK_NAMES) names.add(name);
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address } of addresses ?? []) names.add(bracket(address.toLowerCase().replace(/%.*$/, '')));
    }
    const own = hostname().toLowerCase();
    if (own) names.add(own).add(`${own}.local`);
  }
  return names;
}

/** True when the `Host` header names this server: one of `names`, with the port it listens on. */
export function isOwnHost(header: string | undefined, names: ReadonlySet<string>, port: number): boolean {
  if (!header) return false;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(header.trim());
  if (!match) return false;
  const name = match[1]!.toLowerCase().replace(/\.$/, '');
  const given = match[2] === undefined ? 80 : Number(match[2]);
  return given === port && names.has(name);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function bracket(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}
