import { Observable, merge, of, share, type SchedulerLike } from 'rxjs';
import {
  DataSourceApi,
  LoadingState,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type LegacyMetricFindQueryOptions,
  type MetricFindValue,
  type ScopedVars,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import { TwinApiError, createTwinClient, type TwinClient } from './api';
import {
  browserEventSource,
  changeStream,
  liveSignalTarget,
  liveTarget,
  DEFAULT_LIVE_THROTTLE_MS,
  type EventSourceFactory,
  type TwinChangeEvent,
  type WatchedSignal,
} from './live';
import {
  DEFAULT_POLL,
  checkCollector,
  findVariableValues,
  interpolateQuery,
  runTarget,
  twinAnnotationSupport,
  TwinVariableSupport,
  type CollectorCheck,
  type PollSettings,
} from './query';
import { DEFAULT_QUERY, type TwinDataSourceOptions, type TwinQuery, type TwinVariableQuery } from './types';

/** What tests (and pages outside Grafana) may swap; Grafana constructs the class with settings only. */
export interface DataSourceDeps {
  /** Opens the live change stream (default: the browser's EventSource). */
  eventSource?: EventSourceFactory;
  /** Polling of queued simulations. */
  poll?: PollSettings;
  /** Least time between two live re-runs of a target. */
  liveThrottleMs?: number;
  /** Scheduler of the live throttle (tests pass a virtual one). */
  scheduler?: SchedulerLike;
}

/** The TwinOps datasource: every query type of the twin, variables, annotations and live mode. */
export class DataSource extends DataSourceApi<TwinQuery, TwinDataSourceOptions> {
  readonly client: TwinClient;
  annotations = twinAnnotationSupport;
  variables = new TwinVariableSupport((query, options) => this.metricFindQuery(query, options));
  private readonly poll: PollSettings;
  private readonly liveThrottleMs: number;
  private readonly scheduler?: SchedulerLike;
  private readonly eventSource: EventSourceFactory;
  /**
   * The streams by URL: one EventSource per distinct URL (all change-driven targets share the plain
   * one; each watched signal has its own), opened by its first subscriber and closed with its last.
   */
  private readonly streams = new Map<string, Observable<TwinChangeEvent>>();

  constructor(instanceSettings: DataSourceInstanceSettings<TwinDataSourceOptions>, deps: DataSourceDeps = {}) {
    super(instanceSettings);
    this.client = createTwinClient(instanceSettings.url ?? '');
    this.poll = deps.poll ?? DEFAULT_POLL;
    this.liveThrottleMs = deps.liveThrottleMs ?? DEFAULT_LIVE_THROTTLE_MS;
    this.scheduler = deps.scheduler;
    this.eventSource = deps.eventSource ?? browserEventSource;
  }

  /** A new query starts as the whole topology. */
  getDefaultQuery(): Partial<TwinQuery> {
    return DEFAULT_QUERY;
  }

  /** Hidden targets do not run. */
  filterQuery(query: TwinQuery): boolean {
    return !query.hide;
  }

  /**
   * One answer per target (keyed by refId), merged. Live requests keep answering: a Signals target
   * adds its signal's streamed points to its frame, the others re-run on relevant changes.
   */
  query(request: DataQueryRequest<TwinQuery>): Observable<DataQueryResponse> {
    const targets = request.targets
      .filter((t) => this.filterQuery(t))
      .map((t) => this.interpolate(t, request.scopedVars));
    if (targets.length === 0) {
      return of({ data: [], state: LoadingState.Done });
    }
    const range = { from: request.range.from.valueOf(), to: request.range.to.valueOf() };
    const runs = targets.map((target) => {
      const run = () => this.runOnce(target, range, request.intervalMs);
      if (!request.liveStreaming) {
        return run();
      }
      if (target.queryType === 'signals' && target.entity && target.signal) {
        const watched: WatchedSignal = { entity: target.entity, signal: target.signal };
        // signal.added re-runs the target when its signal appears anew; other changes are not needed.
        const events = this.stream(this.client.streamUrl(['signal.added'], [watched]));
        return liveSignalTarget(
          target.refId,
          watched,
          run,
          events,
          range.to - range.from,
          this.liveThrottleMs,
          this.scheduler
        );
      }
      return liveTarget(target, run, this.stream(this.client.streamUrl()), this.liveThrottleMs, this.scheduler);
    });
    return merge(...runs);
  }

  /** The shared stream of `url`; share() closes the EventSource with the last subscriber and reopens it for the next. */
  private stream(url: string): Observable<TwinChangeEvent> {
    let stream = this.streams.get(url);
    if (!stream) {
      stream = changeStream(this.eventSource, url).pipe(share());
      this.streams.set(url, stream);
    }
    return stream;
  }

  /** Save & test: reachability, token, API version — the message says which failed. */
  async testDatasource(): Promise<CollectorCheck> {
    return checkCollector(this.client);
  }

  /** Template variable values (the variable editor's TwinVariableQuery): entity ids or an entity's signal names. */
  async metricFindQuery(
    query: TwinVariableQuery | string,
    options?: LegacyMetricFindQueryOptions
  ): Promise<MetricFindValue[]> {
    const replace = (value: string | undefined) =>
      value === undefined ? undefined : getTemplateSrv().replace(value, options?.scopedVars);
    const resolved =
      typeof query === 'string'
        ? replace(query)
        : { ...query, entityType: replace(query.entityType), entity: replace(query.entity) };
    return findVariableValues(this.client, resolved);
  }

  /** Variables in every string field, with the panel's scoped variables (repeats). */
  interpolate(query: TwinQuery, scopedVars?: ScopedVars): TwinQuery {
    const templateSrv = getTemplateSrv();
    // A query saved before it had a type (or built by hand in JSON) runs as the default one.
    const complete = { ...DEFAULT_QUERY, ...query } as TwinQuery;
    return interpolateQuery(complete, (value, vars) => templateSrv.replace(value, vars), scopedVars);
  }

  /** One run of one target: its frames, or its error with the collector's message (never a blank panel). */
  private runOnce(
    target: TwinQuery,
    range: { from: number; to: number },
    intervalMs: number
  ): Observable<DataQueryResponse> {
    return new Observable<DataQueryResponse>((subscriber) => {
      const abort = new AbortController();
      runTarget(target, { client: this.client, range, intervalMs, poll: this.poll, signal: abort.signal }).then(
        (data) => {
          subscriber.next({ data, key: target.refId, state: LoadingState.Done });
          subscriber.complete();
        },
        (error: unknown) => {
          subscriber.next({
            data: [],
            key: target.refId,
            state: LoadingState.Error,
            errors: [queryError(error, target.refId)],
          });
          subscriber.complete();
        }
      );
      // The panel dropped the query (new time range, closed dashboard): stop the HTTP request.
      return () => abort.abort();
    });
  }
}

/** A target's failure as the panel shows it. */
export function queryError(error: unknown, refId: string): DataQueryError {
  const message = error instanceof Error ? error.message : String(error);
  const status = error instanceof TwinApiError && error.status > 0 ? { status: error.status } : {};
  return { message, refId, ...status };
}
