import { isLoopbackHost, parseEndpoint } from '../config';

/**
 * The first endpoint reachable from other machines (anything but 127.0.0.0/8, ::1 and localhost;
 * an endpoint that cannot be parsed counts as reachable), or undefined when all are loopback.
 * The collector refuses to start without auth tokens when this returns an endpoint.
 */
export function requiresAuthToBind(endpoints: readonly string[]): string | undefined {
  return endpoints.find((endpoint) => {
    const parsed = parseEndpoint(endpoint);
    return !parsed || !isLoopbackHost(parsed.host);
  });
}
