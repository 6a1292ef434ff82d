import type { Clock, Logger } from '../../model';
import type { SignalHistory } from '../live';
import type { HistorySignalConfig, PrometheusHistoryConfig } from './config';
import { isTemplateError, parseLabelTemplate } from './label-template';
import type { LabelTemplate } from './label-template';
import { queryRange } from './query-range';
import type { Fetch, RangeSeries } from './query-range';

export interface PrometheusHistorySettings {
  clock: Clock;
  logger: Logger;
  /** Defaults to the global fetch; tests pass a fake. */
  fetch?: Fetch;
  /** Where bearer_token_env is looked up; defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface PrometheusHistoryReport {
  history: SignalHistory[];
  /** Everything not read as configured, one sentence each, naming the query. */
  problems: string[];
  /** Points dropped because Prometheus gave NaN or ±Inf (gaps in a rate, division by zero). */
  skippedPoints: number;
}

/** What one query's series did, gathered to report each kind once per query. */
interface QueryTally {
  missing: Map<string, number>;
  duplicates: number;
  firstDuplicate?: string;
  overSeries: number;
  overPoints: number;
}

/**
 * Reads the configured queries one after the other (one answer in memory at a time) over
 * [now − lookback, now], `now` rounded down to a whole step so that the points fall on the same
 * instants from one start to the next. Never rejects: what fails is in `problems`.
 */
export async function collectPrometheusHistory(
  config: PrometheusHistoryConfig,
  settings: PrometheusHistorySettings,
): Promise<PrometheusHistoryReport> {
  const report: PrometheusHistoryReport = { history: [], problems: [], skippedPoints: 0 };
  if (config.url === '') return report;
  let token: string | undefined;
  if (config.bearerTokenEnv !== '') {
    token = (settings.env ?? process.env)[config.bearerTokenEnv];
    if (!token) {
      report.problems.push(`bearer_token_env: environment variable ${config.bearerTokenEnv} is not set; no query sent`);
      return report;
    }
  }
  const endSeconds = Math.floor(settings.clock.now() / 1000 / config.stepSeconds) * config.stepSeconds;
  const window = { startSeconds: endSeconds - config.lookbackSeconds, endSeconds, stepSeconds: config.stepSeconds };
  const seen = new Set<string>();
  let points = 0;
  for (const signal of config.signals) {
    const name = `query ${JSON.stringify(signal.query)}`;
    const templates = parseTemplates(signal);
    if (typeof templates === 'string') {
      report.problems.push(`${name}: ${templates}`);
      continue;
    }
    if (report.history.length >= config.maxSeries) {
      report.problems.push(`${name}: not sent, max_series (${config.maxSeries}) already reached`);
      continue;
    }
    const answer = await queryRange(
      { query: signal.query, ...window },
      {
        url: config.url,
        token,
        timeoutMs: config.timeoutSeconds * 1000,
        maxBytes: config.maxResponseBytes,
        fetch: settings.fetch ?? fetch,
      },
    );
    if (!answer.ok) {
      report.problems.push(`${name}: ${answer.error}`);
      continue;
    }
    for (const warning of answer.warnings) report.problems.push(`${name}: Prometheus warning: ${warning}`);
    const tally: QueryTally = { missing: new Map(), duplicates: 0, overSeries: 0, overPoints: 0 };
    for (const series of answer.series) {
      const mapped = mapSeries(series, templates, tally);
      if (!mapped) continue;
      const key = `${mapped.entity}\u0000${mapped.signal}`;
      if (seen.has(key)) {
        tally.duplicates += 1;
        tally.firstDuplicate ??= `entity ${JSON.stringify(mapped.entity)}, signal ${JSON.stringify(mapped.signal)}`;
        continue;
      }
      if (report.history.length >= config.maxSeries) {
        tally.overSeries += 1;
        continue;
      }
      const values = finitePoints(series);
      report.skippedPoints += series.values.length - values.length;
      if (values.length === 0) continue;
      if (points + values.length > config.maxPoints) {
        tally.overPoints += 1;
        continue;
      }
      seen.add(key);
      points += values.length;
      report.history.push({ entity: mapped.entity, signal: mapped.signal, points: values });
    }
    report.problems.push(...describeTally(name, tally, config, templates));
  }
  return report;
}

function parseTemplates(signal: HistorySignalConfig): { entity: LabelTemplate; signal: LabelTemplate } | string {
  const entity = parseLabelTemplate(signal.entity);
  if (isTemplateError(entity)) return `entity template ${entity.error}, got ${JSON.stringify(signal.entity)}`;
  const name = parseLabelTemplate(signal.signal);
  if (isTemplateError(name)) return `signal template ${name.error}, got ${JSON.stringify(signal.signal)}`;
  return { entity, signal: name };
}

function mapSeries(
  series: RangeSeries,
  templates: { entity: LabelTemplate; signal: LabelTemplate },
  tally: QueryTally,
): { entity: string; signal: string } | undefined {
  const names: string[] = [];
  for (const field of ['entity', 'signal'] as const) {
    const rendered = templates[field].render(series.metric);
    if ('missing' in rendered) {
      const key = `${field}\u0000${rendered.missing}`;
      tally.missing.set(key, (tally.missing.get(key) ?? 0) + 1);
      return undefined;
    }
    names.push(rendered.value);
  }
  return { entity: names[0], signal: names[1] };
}

/** Prometheus writes values as strings; "NaN", "+Inf" and "-Inf" all become NaN through Number(). */
function finitePoints(series: RangeSeries): { t: number; v: number }[] {
  const points: { t: number; v: number }[] = [];
  for (const [seconds, text] of series.values) {
    const v = Number(text);
    if (Number.isFinite(v)) points.push({ t: Math.round(seconds * 1000), v });
  }
  return points;
}

function describeTally(
  name: string,
  tally: QueryTally,
  config: PrometheusHistoryConfig,
  templates: { entity: LabelTemplate; signal: LabelTemplate },
): string[] {
  const problems: string[] = [];
  for (const [key, count] of tally.missing) {
    const [field, label] = key.split('\u0000') as ['entity' | 'signal', string];
    problems.push(
      `${name}: ${count} series skipped, lacking label "${label}" used by the ${field} template ${JSON.stringify(templates[field].text)}`,
    );
  }
  if (tally.duplicates > 0) {
    problems.push(
      `${name}: ${tally.duplicates} series skipped, mapped to an entity and signal already read (first: ${tally.firstDuplicate}); the templates need more labels`,
    );
  }
  if (tally.overSeries > 0) problems.push(`${name}: max_series (${config.maxSeries}) reached, ${tally.overSeries} series not read`);
  if (tally.overPoints > 0) problems.push(`${name}: max_points (${config.maxPoints}) reached, ${tally.overPoints} series not read`);
  return problems;
}

/** Reads the history and logs what went wrong (one warning per problem) and a summary; resolves with what was read. */
export async function readPrometheusHistory(
  config: PrometheusHistoryConfig,
  settings: PrometheusHistorySettings,
): Promise<SignalHistory[]> {
  if (config.url === '') return [];
  const started = settings.clock.now();
  const report = await collectPrometheusHistory(config, settings);
  for (const problem of report.problems) settings.logger.warn('prometheus history not fully read', { problem });
  settings.logger.info('prometheus history read', {
    url: config.url,
    queries: config.signals.length,
    series: report.history.length,
    points: report.history.reduce((sum, h) => sum + h.points.length, 0),
    skipped_points: report.skippedPoints,
    problems: report.problems.length,
    duration_ms: settings.clock.now() - started,
  });
  return report.history;
}
