import { defaultOtlpReceiverConfig, otlpReceiverConfigSchema, validateOtlpReceiverConfig } from './config';

function parse(raw: unknown) {
  const errors: string[] = [];
  const config = otlpReceiverConfigSchema.parse(raw, 'receivers.otlp', errors);
  return { config, errors: [...errors, ...validateOtlpReceiverConfig(config)] };
}

describe('receivers.otlp config', () => {
  it('has valid defaults', () => {
    expect(parse({})).toEqual({ config: defaultOtlpReceiverConfig(), errors: [] });
    expect(defaultOtlpReceiverConfig()).toEqual({
      http: { enabled: true, endpoint: '127.0.0.1:4318', maxRequestBodyBytes: 67108864, maxConcurrentRequests: 64 },
      grpc: { enabled: true, endpoint: '127.0.0.1:4317', maxRequestBodyBytes: 67108864 },
      badInputLogIntervalSeconds: 10,
      shutdownTimeoutSeconds: 5,
    });
  });

  it.each([
    [{ http: { max_request_body_bytes: -5 } }, 'receivers.otlp.http.max_request_body_bytes: must be a positive integer, got -5'],
    [{ http: { max_concurrent_requests: 0 } }, 'receivers.otlp.http.max_concurrent_requests: must be a positive integer, got 0'],
    [{ http: { endpoint: 'localhost' } }, 'receivers.otlp.http.endpoint: must be host:port with a port from 0 to 65535 (e.g. 127.0.0.1:4318 or [::1]:4318), got "localhost"'],
    [{ grpc: { endpoint: '0.0.0.0:70000' } }, 'receivers.otlp.grpc.endpoint: must be host:port with a port from 0 to 65535 (e.g. 127.0.0.1:4318 or [::1]:4318), got "0.0.0.0:70000"'],
    [{ grpc: { endpoint: '127.0.0.1:4318' } }, 'receivers.otlp.grpc.endpoint: must differ from receivers.otlp.http.endpoint, got "127.0.0.1:4318"'],
    [{ grpc: { enabled: 'yes' } }, 'receivers.otlp.grpc.enabled: must be true or false, got "yes"'],
    [{ grpc: { port: 4317 } }, 'receivers.otlp.grpc.port: unknown key'],
  ])('%j → %s', (raw, message) => {
    expect(parse(raw).errors).toEqual([message]);
  });

  it('accepts IPv6 and every-interface endpoints', () => {
    expect(parse({ http: { endpoint: '[::1]:4318' }, grpc: { endpoint: ':4317' } }).errors).toEqual([]);
  });
});
