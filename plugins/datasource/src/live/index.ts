/** Live mode: the collector's change stream (server-sent events) and the re-running of queries it triggers. */
export { CHANGE_KINDS, POINT_KIND, STREAM_KINDS, browserEventSource, changeStream } from './change-stream';
export type { ChangeKind, EventSourceFactory, EventSourceLike, StreamKind, TwinChangeEvent } from './change-stream';
export { isRelevantChange } from './relevant-change';
export { DEFAULT_LIVE_THROTTLE_MS, liveTarget } from './live-target';
export { liveSignalTarget } from './live-signal-target';
export type { WatchedSignal } from './live-signal-target';
