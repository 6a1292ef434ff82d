import { codeForStatus, formatValidationErrors } from './errors';

describe('codeForStatus', () => {
  it.each([
    [400, 'bad_request'],
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [405, 'method_not_allowed'],
    [413, 'payload_too_large'],
    [415, 'unsupported_media_type'],
    [418, 'bad_request'],
    [429, 'too_many_requests'],
    [500, 'internal'],
    [503, 'unavailable'],
  ])('%d -> %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});

describe('formatValidationErrors', () => {
  it.each([
    [{ keyword: 'required', instancePath: '', params: { missingProperty: 'entity' } }, 'querystring', 'entity: is required'],
    [
      { keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'typ' } },
      'querystring',
      'typ: unknown query parameter',
    ],
    [{ keyword: 'additionalProperties', instancePath: '/a', params: { additionalProperty: 'b' } }, 'body', 'b: unknown property'],
    [
      { keyword: 'enum', instancePath: '/level', params: { allowedValues: ['a', 'b'] }, data: 'c' },
      'querystring',
      'level: must be one of a, b, got "c"',
    ],
    [
      { keyword: 'maximum', instancePath: '/limit', params: {}, message: 'must be <= 1000', data: 5000 },
      'querystring',
      'limit: must be <= 1000, got 5000',
    ],
    [{ keyword: 'type', instancePath: '/a/b', params: {}, message: 'must be integer', data: 'x' }, 'body', 'a.b: must be integer, got "x"'],
    [{ keyword: 'type', instancePath: '', params: {}, message: 'must be object', data: 3 }, 'params', 'params: must be object, got 3'],
  ])('%j in %s -> %s', (error, context, message) => {
    expect(formatValidationErrors([error], context)).toBe(message);
  });
});
