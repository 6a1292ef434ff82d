/** What a receiver hands the forwarder: the original request bytes, as they came in. */
import type { Encoding } from '../codec';
import type { Signal } from '../telemetry';

export interface ForwardRequest {
  signal: Signal;
  /** The request body exactly as received (still gzipped when `gzip`). */
  body: Uint8Array;
  encoding: Encoding;
  gzip: boolean;
  /** The decoded request re-encoded as protobuf; used when JSON must go to a gRPC next hop. */
  toProtobuf(): Uint8Array;
}

/** Hands a request to the next hop; never blocks, never throws. */
export type ForwardSink = (request: ForwardRequest) => void;
