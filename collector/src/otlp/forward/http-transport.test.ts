import { signalUrl } from './http-transport';

describe('signalUrl', () => {
  it.each([
    ['http://otelcol:4318', 'traces', 'http://otelcol:4318/v1/traces'],
    ['http://otelcol:4318/', 'metrics', 'http://otelcol:4318/v1/metrics'],
    ['https://otlp.example/tenant/a/', 'logs', 'https://otlp.example/tenant/a/v1/logs'],
  ])('%s + %s → %s', (endpoint, signal, url) => {
    expect(signalUrl(endpoint, signal).href).toBe(url);
  });
});
