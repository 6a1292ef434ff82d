import { Metadata } from '@grpc/grpc-js';
import type { ServiceError } from '@grpc/grpc-js';
import { retryInfoDetail } from '../retry-info';
import { classifyGrpcError, grpcTarget } from './grpc-transport';

function serviceError(code: number, retrySeconds?: number): ServiceError {
  const metadata = new Metadata();
  if (retrySeconds !== undefined) metadata.set('grpc-status-details-bin', retryInfoDetail(retrySeconds));
  return Object.assign(new Error('x'), { code, details: 'why', metadata });
}

describe('classifyGrpcError', () => {
  it.each([
    [1, undefined, 'retryable', undefined],
    [4, undefined, 'retryable', undefined],
    [10, undefined, 'retryable', undefined],
    [11, undefined, 'retryable', undefined],
    [14, 3, 'retryable', 3000],
    [15, undefined, 'retryable', undefined],
    [8, undefined, 'failure', undefined],
    [8, 2, 'retryable', 2000],
    [3, undefined, 'failure', undefined],
    [16, undefined, 'failure', undefined],
    [13, undefined, 'failure', undefined],
  ])('code %i with RetryInfo %s → %s', (code, retry, kind, retryAfterMs) => {
    const result = classifyGrpcError(serviceError(code, retry));
    expect(result.kind).toBe(kind);
    expect(result.kind === 'retryable' ? result.retryAfterMs : undefined).toBe(retryAfterMs);
    expect(result.kind === 'success' ? '' : result.error).toBe(`next hop answered gRPC code ${code}: why`);
  });
});

describe('grpcTarget', () => {
  it.each([
    ['otelcol:4317', { target: 'otelcol:4317', secure: false }],
    ['http://otelcol:4317', { target: 'otelcol:4317', secure: false }],
    ['https://otelcol:4317/', { target: 'otelcol:4317', secure: true }],
  ])('%s', (endpoint, expected) => {
    expect(grpcTarget(endpoint)).toEqual(expected);
  });
});
