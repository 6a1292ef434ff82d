/**
 * Reads the Content-Type and Content-Encoding of an OTLP/HTTP request. The media type is parsed
 * before matching, since clients add parameters such as `; charset=utf-8` (OTLP spec §1.3).
 */
import type { Encoding } from './codec';
import type { Failure } from './errors';

export const PROTOBUF_CONTENT_TYPE = 'application/x-protobuf';
export const JSON_CONTENT_TYPE = 'application/json';

export function contentTypeOf(encoding: Encoding): string {
  return encoding === 'json' ? JSON_CONTENT_TYPE : PROTOBUF_CONTENT_TYPE;
}

/** The encoding named by a Content-Type header, ignoring parameters and case. */
export function encodingOfContentType(header: string | undefined): Encoding | undefined {
  const mediaType = (header ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === PROTOBUF_CONTENT_TYPE) return 'protobuf';
  if (mediaType === JSON_CONTENT_TYPE) return 'json';
  return undefined;
}

export function unsupportedContentType(header: string | undefined): Failure {
  const found = header === undefined || header.trim() === '' ? 'no Content-Type' : `unsupported Content-Type ${JSON.stringify(header)}`;
  return {
    kind: 'unsupported_media_type',
    message: `${found}: send ${PROTOBUF_CONTENT_TYPE} (binary protobuf) or ${JSON_CONTENT_TYPE} (OTLP/JSON)`,
  };
}

export type BodyCompression = 'gzip' | 'none';

/** gzip, or no compression (absent, empty, identity or none); anything else is a 415 Failure. */
export function compressionOf(header: string | undefined): BodyCompression | Failure {
  const value = (header ?? '').trim().toLowerCase();
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  if (value === '' || value === 'identity' || value === 'none') return 'none';
  return {
    kind: 'unsupported_media_type',
    message:
      `unsupported Content-Encoding ${JSON.stringify(header)}: this receiver accepts gzip or no compression; ` +
      'set `compression: gzip` or `compression: none` on the exporter',
  };
}
