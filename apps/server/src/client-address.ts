// The client's address for throttling and logs. X-Forwarded-For is only believed when the
// connection comes from a configured reverse proxy: anyone else could write any address there.
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

const normalize = (ip: string) => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip);

export function clientAddress(req: IncomingMessage, trustedProxies: readonly string[]): string {
  const socketAddress = normalize(req.socket.remoteAddress ?? 'unknown');
  if (!trustedProxies.includes(socketAddress)) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => normalize(s.trim()));
  // Right to left: the nearest hop not one of our proxies is the client (left entries are the client's own claims).
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    if (isIP(hop) === 0) return socketAddress;
    if (!trustedProxies.includes(hop)) return hop;
  }
  return socketAddress;
}
