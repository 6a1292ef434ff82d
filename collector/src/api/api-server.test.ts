import { request } from 'node:http';
import { createApiServer } from './api-server';
import type { ApiServerSettings } from './build-app';
import { defaultApiConfig } from './config';
import { FakeScrapeRegistry, FakeTwin, ManualTimers } from './test-support/fake-twin';

function settings(): ApiServerSettings {
  return {
    twin: new FakeTwin(),
    metrics: new FakeScrapeRegistry(),
    timers: new ManualTimers(),
    authorize: () => 'ok',
    ready: () => ({ ready: true }),
    version: '1.2.3',
  };
}

function get(address: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(`http://${address}${path}`, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('createApiServer lifecycle', () => {
  it('starts on an ephemeral port, serves, and shuts down twice safely', async () => {
    const server = createApiServer({ ...defaultApiConfig(), endpoint: '127.0.0.1:0' }, settings());
    expect(server.address()).toBeUndefined();
    await server.start();
    await server.start();
    const address = server.address() as string;
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(address).not.toBe('127.0.0.1:0');
    expect(await get(address, '/healthz')).toEqual({ status: 200, body: '{"status":"ok"}' });
    await server.shutdown();
    await server.shutdown();
    expect(server.address()).toBeUndefined();
    await expect(get(address, '/healthz')).rejects.toThrow('ECONNREFUSED');
  });

  it('reports an IPv6 address in brackets', async () => {
    const server = createApiServer({ ...defaultApiConfig(), endpoint: '[::1]:0' }, settings());
    try {
      await server.start();
    } catch {
      return; // no IPv6 loopback on this machine
    }
    expect(server.address()).toMatch(/^\[::1\]:\d+$/);
    await server.shutdown();
  });

  it('shuts down without having started', async () => {
    const server = createApiServer(defaultApiConfig(), settings());
    await server.shutdown();
    await server.shutdown();
    expect(server.address()).toBeUndefined();
  });

  it('refuses to start again after shutdown', async () => {
    const server = createApiServer({ ...defaultApiConfig(), endpoint: '127.0.0.1:0' }, settings());
    await server.shutdown();
    await expect(server.start()).rejects.toThrow('the API server is shut down and cannot start again');
  });

  it('rejects start when the port is taken, and still shuts down', async () => {
    const first = createApiServer({ ...defaultApiConfig(), endpoint: '127.0.0.1:0' }, settings());
    await first.start();
    const second = createApiServer({ ...defaultApiConfig(), endpoint: first.address() as string }, settings());
    await expect(second.start()).rejects.toThrow('EADDRINUSE');
    await second.shutdown();
    await first.shutdown();
  });

  it('throws at creation for an endpoint that is not host:port', () => {
    expect(() => createApiServer({ ...defaultApiConfig(), endpoint: 'nowhere' }, settings())).toThrow(
      'invalid endpoint "nowhere": must be host:port with a port from 0 to 65535 (e.g. 127.0.0.1:4318 or [::1]:4318)',
    );
  });
});
