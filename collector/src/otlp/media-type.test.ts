import { compressionOf, encodingOfContentType, unsupportedContentType } from './media-type';

describe('encodingOfContentType', () => {
  it.each([
    ['application/x-protobuf', 'protobuf'],
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['Application/X-Protobuf ; foo=bar', 'protobuf'],
    ['text/plain', undefined],
    ['application/protobuf', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, expected) => {
    expect(encodingOfContentType(header)).toBe(expected);
  });

  it('names the supported types when the type is wrong or missing', () => {
    expect(unsupportedContentType('text/plain').message).toBe(
      'unsupported Content-Type "text/plain": send application/x-protobuf (binary protobuf) or application/json (OTLP/JSON)',
    );
    expect(unsupportedContentType(undefined).message).toBe(
      'no Content-Type: send application/x-protobuf (binary protobuf) or application/json (OTLP/JSON)',
    );
  });
});

describe('compressionOf', () => {
  it.each([
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    [undefined, 'none'],
    ['', 'none'],
    ['identity', 'none'],
    ['none', 'none'],
  ])('%s → %s', (header, expected) => {
    expect(compressionOf(header)).toBe(expected);
  });

  it.each(['zstd', 'snappy', 'deflate', 'gzip, br'])('refuses %s and says what to configure', (header) => {
    expect(compressionOf(header)).toEqual({
      kind: 'unsupported_media_type',
      message: `unsupported Content-Encoding ${JSON.stringify(header)}: this receiver accepts gzip or no compression; set \`compression: gzip\` or \`compression: none\` on the exporter`,
    });
  });
});
