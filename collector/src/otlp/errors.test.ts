import { failureFromError, failureStatus, InternalError, OverloadError, PermanentError, retryAfterHeader } from './errors';
import type { FailureKind } from './errors';

describe('failureStatus', () => {
  it.each<[FailureKind, number, number]>([
    ['bad_data', 400, 3],
    ['too_large', 413, 8],
    ['unsupported_media_type', 415, 12],
    ['unauthenticated', 401, 16],
    ['forbidden', 403, 7],
    ['not_found', 404, 12],
    ['method_not_allowed', 405, 12],
    ['throttled', 429, 14],
    ['unavailable', 503, 14],
    ['internal', 500, 13],
  ])('%s → HTTP %i, gRPC %i', (kind, http, grpc) => {
    expect(failureStatus(kind)).toEqual({ http, grpc });
  });
});

describe('failureFromError', () => {
  it.each([
    ['PermanentError', new PermanentError('bad ids'), { kind: 'bad_data', message: 'bad ids' }],
    ['OverloadError', new OverloadError('busy', 7), { kind: 'throttled', message: 'busy', retryAfterSeconds: 7 }],
    ['OverloadError default', new OverloadError('busy'), { kind: 'throttled', message: 'busy', retryAfterSeconds: 1 }],
    ['InternalError', new InternalError('bug'), { kind: 'internal', message: 'bug' }],
    ['Error', new Error('db down'), { kind: 'unavailable', message: 'temporarily unable to process the request: db down' }],
    ['a thrown string', 'oops', { kind: 'unavailable', message: 'temporarily unable to process the request: oops' }],
  ])('%s', (_name, err, expected) => {
    expect(failureFromError(err)).toEqual(expected);
  });
});

describe('retryAfterHeader', () => {
  it.each([
    [undefined, undefined],
    [0, '1'],
    [1.2, '2'],
    [30, '30'],
  ])('%s s → %s', (seconds, header) => {
    expect(retryAfterHeader({ kind: 'throttled', message: '', retryAfterSeconds: seconds })).toBe(header);
  });
});
