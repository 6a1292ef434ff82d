import { endpoint, formatEndpoint, isLoopbackHost, parseEndpoint } from './endpoint';

describe('parseEndpoint', () => {
  it.each([
    ['127.0.0.1:8088', { host: '127.0.0.1', port: 8088 }],
    ['localhost:0', { host: 'localhost', port: 0 }],
    ['[::1]:8088', { host: '::1', port: 8088 }],
    [':8088', { host: '0.0.0.0', port: 8088 }],
    ['twin.example.org:443', { host: 'twin.example.org', port: 443 }],
    ['127.0.0.1', undefined],
    ['127.0.0.1:65536', undefined],
    ['::1:8088', undefined],
    ['[nothost]:8088', undefined],
    ['http://127.0.0.1:8088', undefined],
    ['', undefined],
  ])('%j -> %j', (text, parsed) => {
    expect(parseEndpoint(text)).toEqual(parsed);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['LOCALHOST.', true],
    ['api.localhost', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
    ['128.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['localhost.example.org', false],
    ['web-3', false],
  ])('%s -> %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe('formatEndpoint', () => {
  it('brackets IPv6 hosts', () => {
    expect([formatEndpoint('::1', 1), formatEndpoint('127.0.0.1', 2)]).toEqual(['[::1]:1', '127.0.0.1:2']);
  });
});

describe('endpoint field', () => {
  it('accepts host:port and names the path of anything else', () => {
    const field = endpoint('127.0.0.1:4318', '');
    const errors: string[] = [];
    expect(field.parse(undefined, 'a', errors)).toBe('127.0.0.1:4318');
    expect(field.parse('[::1]:4317', 'a', errors)).toBe('[::1]:4317');
    field.parse('127.0.0.1:70000', 'receivers.otlp.http.endpoint', errors);
    expect(errors).toEqual([
      'receivers.otlp.http.endpoint: must be host:port with a port from 0 to 65535 (e.g. 127.0.0.1:4318 or [::1]:4318), got "127.0.0.1:70000"',
    ]);
  });
});
