import { defaultForwardConfig, forwardConfigSchema, validateForwardConfig } from './config';

function parse(raw: unknown) {
  const errors: string[] = [];
  const config = forwardConfigSchema.parse(raw, 'forward', errors);
  return [...errors, ...validateForwardConfig(config)];
}

describe('forward config', () => {
  it('is off by default and valid', () => {
    expect(parse({})).toEqual([]);
    expect(defaultForwardConfig()).toEqual({
      endpoint: '',
      protocol: 'http',
      headers: {},
      timeoutSeconds: 10,
      queueMaxRequests: 1000,
      queueMaxBytes: 268435456,
      maxAttempts: 5,
      initialBackoffSeconds: 1,
      maxBackoffSeconds: 5,
      concurrency: 8,
    });
  });

  it.each([
    [{ endpoint: 'http://otelcol:4318' }, []],
    [{ endpoint: 'https://otelcol.example/otlp/' }, []],
    [{ endpoint: 'otelcol:4317', protocol: 'grpc' }, []],
    [{ endpoint: 'http://otelcol:4317', protocol: 'grpc' }, []],
    [{ endpoint: 'otelcol:4318' }, ['forward.endpoint: must be an http:// or https:// base URL when protocol is http, got "otelcol:4318"']],
    [
      { endpoint: 'http://otelcol', protocol: 'grpc' },
      ['forward.endpoint: must be host:port or http(s)://host:port when protocol is grpc, got "http://otelcol"'],
    ],
    [{ protocol: 'kafka' }, ['forward.protocol: must be one of http, grpc, got "kafka"']],
    [{ headers: { authorization: 5 } }, ['forward.headers.authorization: must be a string, got 5']],
    [{ max_attempts: 0 }, ['forward.max_attempts: must be an integer from 1 to 100, got 0']],
    [
      { initial_backoff_seconds: 10 },
      ['forward.initial_backoff_seconds: must not exceed max_backoff_seconds (5), got 10'],
    ],
    [{ queue_size: 3 }, ['forward.queue_size: unknown key']],
  ])('%j → %j', (raw, errors) => {
    expect(parse(raw)).toEqual(errors);
  });
});
