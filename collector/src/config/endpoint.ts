/** `host:port` endpoints as users write them (`127.0.0.1:4318`, `[::1]:4317`, `:4318`), and an `endpoint` config field. */
import { isIPv4, isIPv6 } from 'node:net';
import type { Field } from './schema';

export interface HostPort {
  host: string;
  port: number;
}

const RULE = 'host:port with a port from 0 to 65535 (e.g. 127.0.0.1:4318 or [::1]:4318)';

/** Splits `host:port`, `[ipv6]:port` or `:port`; undefined when the text is not of that form. */
export function parseEndpoint(endpoint: string): HostPort | undefined {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^\s:[\]/]*)):(\d{1,5})$/.exec(endpoint);
  if (!match) return undefined;
  // An empty host (`:8088`) means every interface, as in the OpenTelemetry Collector.
  const host = match[1] ?? (match[2] || '0.0.0.0');
  const port = Number(match[3]);
  if (port > 65535 || (match[1] !== undefined && !isIPv6(host))) return undefined;
  return { host, port };
}

/** The inverse of parseEndpoint: IPv6 hosts are bracketed. */
export function formatEndpoint(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Whether a host name or address can only be reached from this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIPv4(name)) return name.startsWith('127.');
  if (!isIPv6(name)) return false;
  // The URL parser writes IPv6 addresses in one canonical form (0:0::1 -> ::1, ::ffff:127.0.0.1 -> ::ffff:7f00:1).
  const canonical = new URL(`http://[${name}]/`).hostname.slice(1, -1);
  return canonical === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(canonical);
}

/** A listen address field: validated with parseEndpoint, so a component can parse it without checks. */
export function endpoint(defaultValue: string, doc: string): Field<string> {
  return {
    kind: 'endpoint',
    defaultValue,
    doc,
    parse(raw, path, errors) {
      if (raw === undefined || raw === null) return defaultValue;
      if (typeof raw === 'string' && parseEndpoint(raw)) return raw;
      errors.push(`${path}: must be ${RULE}, got ${JSON.stringify(raw)}`);
      return defaultValue;
    },
  };
}

/** parseEndpoint for values that were validated already: a bad one here is a programming error. */
export function requireEndpoint(endpoint: string): HostPort {
  const parsed = parseEndpoint(endpoint);
  if (!parsed) throw new Error(`invalid endpoint ${JSON.stringify(endpoint)}: must be ${RULE}`);
  return parsed;
}
