import { encodeExportResponse, encodeStatus } from './index';

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('encodeExportResponse', () => {
  it.each([
    ['traces', { rejected: 3, message: 'bad span' }, '{"partialSuccess":{"rejectedSpans":"3","errorMessage":"bad span"}}'],
    ['metrics', { rejected: 2, message: '' }, '{"partialSuccess":{"rejectedDataPoints":"2"}}'],
    ['logs', { rejected: 0, message: 'warning only' }, '{"partialSuccess":{"errorMessage":"warning only"}}'],
    ['logs', { rejected: 0, message: '' }, '{}'],
    ['traces', undefined, '{}'],
  ] as const)('%s %j as JSON', (signal, partial, expected) => {
    expect(text(encodeExportResponse(signal, partial, 'json'))).toBe(expected);
  });

  it.each([
    // partial_success (1, LEN) { rejected_* (1, varint) = 3; error_message (2, LEN) = "bad" }
    ['traces', { rejected: 3, message: 'bad' }, '0a0708031203626164'],
    ['metrics', { rejected: 300, message: '' }, '0a0308ac02'],
    ['logs', { rejected: 0, message: 'w' }, '0a03120177'],
    ['logs', undefined, ''],
  ] as const)('%s %j as protobuf', (signal, partial, expected) => {
    expect(hex(encodeExportResponse(signal, partial, 'protobuf'))).toBe(expected);
  });
});

describe('encodeStatus (google.rpc.Status)', () => {
  it('encodes JSON with code and message', () => {
    expect(text(encodeStatus(3, 'invalid protobuf: …', 'json'))).toBe('{"code":3,"message":"invalid protobuf: …"}');
  });

  it.each([
    [3, 'bad', '08031203626164'],
    [14, '', '080e'],
    [0, 'x', '120178'],
  ])('encodes code %i and message %j as protobuf', (code, message, expected) => {
    expect(hex(encodeStatus(code, message, 'protobuf'))).toBe(expected);
  });
});
