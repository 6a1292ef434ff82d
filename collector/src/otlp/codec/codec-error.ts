/**
 * The error both decoders throw internally; the entry points catch it and return `{ ok: false }`,
 * so it never leaves the codec.
 */
export class CodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodecError';
  }
}
