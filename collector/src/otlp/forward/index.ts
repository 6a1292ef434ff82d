/** Forwarding of received OTLP requests to a next hop (OTLP/HTTP or OTLP/gRPC), queued and retried. */
export { createForwarder } from './forwarder';
export type { Forwarder, ForwarderSettings } from './forwarder';
export { forwardConfigSchema, defaultForwardConfig, validateForwardConfig } from './config';
export type { ForwardConfig } from './config';
export type { ForwardRequest, ForwardSink } from './forward-request';
export type { ForwardTransport, OutgoingRequest, SendResult } from './send-result';
