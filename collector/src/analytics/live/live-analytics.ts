/**
 * The live engine. Signals are found once by a scan at creation and then from the twin's
 * `signal.added` changes; each one whose name matches `signals` (up to `max_signals`) gets a
 * track (see signal-track.ts). Every tick feeds each track the buckets closed since its last
 * tick, grants the refits that are due (at most `max_refits_per_tick`, oldest first, so a burst
 * of due refits is spread over ticks instead of stalling one), recomputes forecast figures for
 * tracks that took a step, updates the series at /metrics and recomputes health.
 */
import { createAnomalyLog } from './anomaly-log';
import { createExportedSeries } from './exported-series';
import { compileGlob, compileGlobs } from '../../config';
import { SignalTrack } from './signal-track';
import type { LiveAnalyticsConfig, ThresholdRule } from './config';
import type { TrackOptions } from './signal-track';
import type { EntityHealth, LiveAnalytics, SignalAnalysis, SignalForecast, SignalHistory } from './types';
import type { Clock, Logger, MetricsRegistry, TwinChange, TwinReader } from '../../model';

/** Health of every entity from the twin and the engine's analyses (analytics/health provides it). */
export type HealthFunction = (
  twin: TwinReader,
  analysisOf: (entity: string) => SignalAnalysis[],
  nowMs: number,
) => Map<string, EntityHealth>;

export interface LiveAnalyticsSettings {
  twin: TwinReader;
  clock: Clock;
  metrics: MetricsRegistry;
  logger: Logger;
  health?: HealthFunction;
}

export interface LiveAnalyticsEngine extends LiveAnalytics {
  /** Ticks every `interval_seconds` on an unref'd timer. */
  start(): void;
  /** Stops the timer and the twin subscription. */
  stop(): void;
}

export function createLiveAnalytics(config: LiveAnalyticsConfig, settings: LiveAnalyticsSettings): LiveAnalyticsEngine {
  const { twin, metrics, logger } = settings;
  const stepMs = config.forecast.stepSeconds * 1000;
  const options: TrackOptions = {
    stepMs,
    minHistory: config.forecast.minHistoryPoints,
    maxHistory: config.forecast.maxHistoryPoints,
    refitEvery: config.forecast.refitEverySteps,
    level: config.forecast.level,
    warmup: config.anomaly.warmupPoints,
    flagLevel: config.anomaly.flagLevel,
  };
  const horizonSteps = Math.ceil(Math.max(config.forecast.thresholdHorizonSeconds, ...config.exportHorizonsSeconds) / config.forecast.stepSeconds);
  const thresholdSteps = Math.ceil(config.forecast.thresholdHorizonSeconds / config.forecast.stepSeconds);
  const wanted = compileGlobs(config.signals);
  const rules = config.thresholds.map((rule) => ({ rule, signal: compileGlob(rule.signals), entity: compileGlob(rule.entities) }));
  const ruleFor = (entity: string, signal: string): ThresholdRule | undefined =>
    rules.find((r) => r.signal(signal) && r.entity(entity))?.rule;

  const tracks = new Map<string, Map<string, SignalTrack>>();
  let trackCount = 0;
  const refitQueue = new Set<SignalTrack>();
  const thresholded = new Set<SignalTrack>();
  const log = createAnomalyLog(config.maxAnomalyEvents);
  const exported = createExportedSeries(metrics, config.maxExportedSeries);
  const types = new Map<string, string>();
  let healthMap = new Map<string, EntityHealth>();

  metrics.observableGauge('twinops_live_signals', 'Signals analysed by the live engine.', () => trackCount);
  metrics.observableGauge('twinops_live_refits_pending', 'Forecast refits due and waiting for their turn.', () => refitQueue.size);
  const skipped = metrics.counter('twinops_live_signals_skipped_total', 'Signals not analysed because analytics.live.max_signals was reached.');
  const anomaliesTotal = metrics.counter('twinops_live_anomalies_total', 'Points flagged as anomalous.');
  const refits = metrics.counter('twinops_live_refits_total', 'Forecast models refitted.');
  const tickSeconds = metrics.histogram('twinops_live_tick_duration_seconds', 'Duration of one live analytics tick.', [], [
    0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5,
  ]);

  const track = (entity: string, signal: string, create: boolean): SignalTrack | undefined => {
    const found = tracks.get(entity)?.get(signal);
    if (found || !create || !wanted(signal)) return found;
    if (trackCount >= config.maxSignals) {
      skipped.inc();
      return undefined;
    }
    const t = new SignalTrack(entity, signal, ruleFor(entity, signal), options);
    let bySignal = tracks.get(entity);
    if (!bySignal) tracks.set(entity, (bySignal = new Map()));
    bySignal.set(signal, t);
    trackCount++;
    if (t.threshold) thresholded.add(t);
    return t;
  };

  const forgetEntity = (entity: string) => {
    const bySignal = tracks.get(entity);
    types.delete(entity);
    exported.forget(entity);
    if (!bySignal) return;
    for (const t of bySignal.values()) {
      refitQueue.delete(t);
      thresholded.delete(t);
    }
    trackCount -= bySignal.size;
    tracks.delete(entity);
  };

  const onChange = (change: TwinChange) => {
    if (change.kind === 'signal.added') track(change.entity, change.signal, true);
    else if (change.kind === 'entity.removed') forgetEntity(change.id);
    else if (change.kind === 'entity.added' || change.kind === 'entity.updated') types.set(change.entity.id, change.entity.type);
  };

  let unsubscribe: (() => void) | undefined;
  const subscribe = () => {
    if (unsubscribe) return;
    unsubscribe = twin.subscribe(onChange);
    // One scan for what the twin held before we listened; changes keep us current after.
    for (const node of twin.topology().nodes) {
      types.set(node.id, node.type);
      for (const s of node.signals) {
        const t = track(node.id, s.name, true);
        if (t) t.unit = s.unit;
      }
    }
  };
  subscribe();

  const feed = (t: SignalTrack, time: number, value: number) => {
    const point = t.feed(time, value);
    if (!point.flag) return;
    anomaliesTotal.inc();
    log.add({ entity: t.entity, signal: t.signal, t: time, score: point.score, value });
  };

  /** Forecast values and the threshold crossing of a track that took a step or was refitted. */
  const refresh = (t: SignalTrack) => {
    t.stale = false;
    const f = t.forecast(horizonSteps);
    for (const h of config.exportHorizonsSeconds) {
      const k = Math.max(1, Math.round(h / config.forecast.stepSeconds));
      exported.forecastValue(t.entity, t.signal, h, f?.mean[k - 1]);
    }
    t.updateCrossing(thresholdSteps);
  };

  const tick = (nowMs: number) => {
    const started = performance.now();
    const touched: SignalTrack[] = [];
    for (const bySignal of tracks.values()) {
      for (const t of bySignal.values()) {
        const series = twin.signalHistory({ entity: t.entity, name: t.signal, from: t.lastFed + 1 });
        if (!series || series.points.length < 2) continue;
        t.unit = series.unit;
        // The newest bucket is still being averaged: only the ones before it are closed.
        const points = series.points;
        for (let i = 0; i < points.length - 1; i++) feed(t, points[i].t, points[i].v);
        if (t.anomaly) exported.anomalyScore(t.entity, t.signal, t.anomaly.score);
        if (t.refitDue) refitQueue.add(t);
        if (t.stale) touched.push(t);
      }
    }
    let granted = 0;
    for (const t of refitQueue) {
      if (granted >= config.forecast.maxRefitsPerTick) break;
      refitQueue.delete(t);
      t.refit();
      refits.inc();
      granted++;
      touched.push(t);
    }
    for (const t of touched) if (t.stale) refresh(t);
    for (const t of thresholded) {
      const at = t.crossing?.at;
      exported.timeToThreshold(t.entity, t.signal, t.threshold?.limit ?? 0, at === undefined ? undefined : Math.max(0, (at - nowMs) / 1000));
    }
    if (settings.health) updateHealth(settings.health(twin, analysisOf, nowMs));
    tickSeconds.observe({}, (performance.now() - started) / 1000);
  };

  const updateHealth = (next: Map<string, EntityHealth>) => {
    for (const entity of healthMap.keys()) if (!next.has(entity)) exported.entityHealth(entity, types.get(entity) ?? '', undefined);
    for (const [entity, h] of next) {
      let type = types.get(entity);
      if (type === undefined) types.set(entity, (type = twin.getEntity(entity)?.type ?? ''));
      exported.entityHealth(entity, type, h.score);
    }
    healthMap = next;
  };

  const analysisOf = (entity: string): SignalAnalysis[] => {
    const out: SignalAnalysis[] = [];
    for (const t of tracks.get(entity)?.values() ?? []) {
      out.push({ signal: t.signal, ...(t.anomaly ? { anomaly: t.anomaly } : {}), ...(t.crossing ? { threshold: t.crossing } : {}) });
    }
    return out;
  };

  const prime = (histories: SignalHistory[]) => {
    for (const h of histories) {
      const t = track(h.entity, h.signal, true);
      if (!t) continue;
      // Only what is older than the twin's own history for the signal: the rest comes by ticks.
      const cutoff = twin.signalHistory({ entity: h.entity, name: h.signal })?.points[0]?.t ?? Number.POSITIVE_INFINITY;
      for (const p of h.points) if (p.t > t.lastFed && p.t < cutoff && Number.isFinite(p.v)) feed(t, p.t, p.v);
      if (t.refitDue) refitQueue.add(t);
    }
  };

  const forecast = (entity: string, signal: string, horizonMs: number): SignalForecast | undefined => {
    const t = tracks.get(entity)?.get(signal);
    const steps = Math.min(Math.max(1, Math.ceil(horizonMs / stepMs)), config.forecast.maxHistoryPoints);
    const f = t?.forecast(steps);
    if (!t || !f) return undefined;
    return {
      entity,
      signal,
      unit: t.unit,
      model: f.model,
      level: f.level,
      stepMs,
      points: f.mean.map((v, i) => ({ t: t.lastStepStart + (i + 1) * stepMs, v, lower: f.lower[i], upper: f.upper[i] })),
      ...(t.crossing ? { threshold: t.crossing } : {}),
    };
  };

  let timer: NodeJS.Timeout | undefined;
  return {
    tick,
    prime,
    analysisOf,
    anomalies: (query) => log.query(query),
    forecast,
    health: (entity) => healthMap.get(entity),
    start() {
      subscribe();
      if (timer) return;
      timer = setInterval(() => {
        try {
          tick(settings.clock.now());
        } catch (err) {
          logger.error('live analytics tick failed', { error: err instanceof Error ? err.message : String(err) });
        }
      }, config.intervalSeconds * 1000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}
