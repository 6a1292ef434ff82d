/**
 * The gRPC retry hint: a `google.rpc.RetryInfo` detail appended to a `google.rpc.Status`, sent
 * in the `grpc-status-details-bin` trailer. OTLP clients read it to wait before retrying an
 * UNAVAILABLE answer (OTLP spec "Failures"). Protobuf lets a repeated field be appended to an
 * encoded message, so the codec's Status bytes plus one `details` entry make the whole message.
 */

const RETRY_INFO_TYPE_URL = 'type.googleapis.com/google.rpc.RetryInfo';

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v > 0x7f) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

/** A length-delimited field: key (field number, wire type 2), length, bytes. */
function field(fieldNumber: number, bytes: number[]): number[] {
  return [...varint((fieldNumber << 3) | 2), ...varint(bytes.length), ...bytes];
}

/** `Status.details` entry (field 3) holding `Any{RetryInfo{retry_delay: Duration{seconds}}}`. */
export function retryInfoDetail(retryAfterSeconds: number): Buffer {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const duration = [0x08, ...varint(seconds)]; // Duration.seconds, field 1, varint
  const retryInfo = field(1, duration); // RetryInfo.retry_delay
  const any = [...field(1, [...Buffer.from(RETRY_INFO_TYPE_URL)]), ...field(2, retryInfo)];
  return Buffer.from(field(3, any));
}

interface Cursor {
  buf: Uint8Array;
  pos: number;
}

function readVarint(c: Cursor): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (c.pos >= c.buf.length) throw new Error('truncated');
    const byte = c.buf[c.pos++];
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
  }
}

/** Calls `visit` for each field of a message; length-delimited values come as byte slices. */
function fields(buf: Uint8Array, visit: (field: number, value: number | Uint8Array) => void): void {
  const c = { buf, pos: 0 };
  while (c.pos < buf.length) {
    const key = readVarint(c);
    const wire = key & 7;
    if (wire === 0) visit(key >>> 3, readVarint(c));
    else if (wire === 2) {
      const len = readVarint(c);
      if (c.pos + len > buf.length) throw new Error('truncated');
      visit(key >>> 3, buf.subarray(c.pos, c.pos + len));
      c.pos += len;
    } else if (wire === 1) c.pos += 8;
    else if (wire === 5) c.pos += 4;
    else throw new Error(`unexpected wire type ${wire}`);
  }
}

/** The retry delay (ms) in an encoded google.rpc.Status's RetryInfo detail, if it has one. */
export function parseRetryInfo(status: Uint8Array): number | undefined {
  let delayMs: number | undefined;
  try {
    fields(status, (f, detail) => {
      if (f !== 3 || typeof detail === 'number') return;
      let typeUrl = '';
      let value: Uint8Array | undefined;
      fields(detail, (g, v) => {
        if (g === 1 && typeof v !== 'number') typeUrl = Buffer.from(v).toString('utf8');
        if (g === 2 && typeof v !== 'number') value = v;
      });
      if (typeUrl !== RETRY_INFO_TYPE_URL || !value) return;
      fields(value, (h, duration) => {
        if (h !== 1 || typeof duration === 'number') return;
        let ms = 0;
        fields(duration, (k, n) => {
          if (typeof n !== 'number') return;
          if (k === 1) ms += n * 1000;
          if (k === 2) ms += Math.round(n / 1e6);
        });
        delayMs = ms;
      });
    });
  } catch {
    return undefined; // a hint we cannot read is no hint
  }
  return delayMs;
}
