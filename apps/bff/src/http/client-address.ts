import { isIP } from 'node:net';
import type { Request } from 'express';

/**
 * The browser's address as this BFF may believe it: the socket's peer, or what the proxy named in
 * TRUST_PROXY says (Express's `req.ip`); never an X-Forwarded-For that no trusted proxy wrote.
 * An IPv4-mapped IPv6 address (a dual-stack listener) is given as IPv4, the form GeoIP databases
 * and Rucio's sort look up.
 */
export function clientAddress(req: Request): string | undefined {
  const ip = req.ip;
  if (!ip) return undefined;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)?.[1];
  const address = mapped ?? ip;
  return isIP(address) === 0 ? undefined : address;
}
