import { TwinApiError, toTwinError } from './twin-error';

const fetchError = (status: number, data: unknown, statusText = '') => ({
  status,
  statusText,
  data,
  config: { url: '/x' },
});

describe('toTwinError', () => {
  it.each([
    [
      fetchError(404, { error: { code: 'not_found', message: 'entity "service:x" not found' } }),
      'collector',
      404,
      'not_found',
      'TwinOps collector: 404 entity "service:x" not found',
    ],
    [
      fetchError(401, { error: { code: 'unauthenticated', message: 'a bearer token is required' } }),
      'collector',
      401,
      'unauthenticated',
      'TwinOps collector: 401 a bearer token is required',
    ],
    [
      fetchError(502, { message: 'Bad Gateway' }, 'Bad Gateway'),
      'proxy',
      502,
      undefined,
      'TwinOps collector not reached through the Grafana data proxy: 502 Bad Gateway',
    ],
    [
      fetchError(404, '<html><body>Not Found</body></html>', 'Not Found'),
      'proxy',
      404,
      undefined,
      'TwinOps collector not reached through the Grafana data proxy: 404 Not Found',
    ],
    [
      fetchError(504, 'upstream timed out'),
      'proxy',
      504,
      undefined,
      'TwinOps collector not reached through the Grafana data proxy: 504 upstream timed out',
    ],
    [
      fetchError(500, undefined),
      'proxy',
      500,
      undefined,
      'TwinOps collector not reached through the Grafana data proxy: 500',
    ],
    [
      new TypeError('Failed to fetch'),
      'network',
      0,
      undefined,
      'TwinOps collector unreachable: network error: Failed to fetch',
    ],
    [
      { status: -1, data: undefined, statusText: 'connection refused' },
      'network',
      0,
      undefined,
      'TwinOps collector unreachable: network error: connection refused',
    ],
    ['boom', 'network', 0, undefined, 'TwinOps collector unreachable: network error: boom'],
  ])('%j → %s %i', (thrown, kind, status, code, message) => {
    const error = toTwinError(thrown);
    expect(error).toBeInstanceOf(TwinApiError);
    expect([error.kind, error.status, error.code, error.message]).toEqual([kind, status, code, message]);
  });

  it('passes a TwinApiError through', () => {
    const error = new TwinApiError('x', 'collector', 409, 'insufficient_history');
    expect(toTwinError(error)).toBe(error);
  });
});
