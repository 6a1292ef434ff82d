import type { DataFrame } from '@grafana/data';
import { TwinApiError, type AuditRecord, type TwinClient } from '../api';
import {
  anomalyAnnotationFrame,
  anomalyScoreFrames,
  auditRows,
  entitiesFrame,
  eventsAnnotationFrame,
  eventsTableFrame,
  forecastFrame,
  logEventRows,
  rootCauseFrame,
  signalFrame,
  simulationFrames,
  topologyFrames,
} from '../frames';
import type { TwinQuery } from '../types';
import { awaitSimulation, type PollSettings } from './await-simulation';
import { millis, optional, parseAttributes, parseScenario, required } from './query-params';

/** What a target needs besides its query: the client, the panel's time range and interval. */
export interface TargetContext {
  client: TwinClient;
  /** Epoch milliseconds. */
  range: { from: number; to: number };
  intervalMs: number;
  poll: PollSettings;
  signal?: AbortSignal;
}

/** The collector caps root-cause evidence at a day; a longer dashboard range asks for that day. */
const MAX_WINDOW_MS = 86_400_000;
/** The collector's page-size maximum for entities. */
const ENTITY_PAGE = 1000;
const DEFAULT_EVENT_LIMIT = 100;

/** Runs one (already interpolated) query against the collector and shapes the answer into frames. */
export async function runTarget(query: TwinQuery, ctx: TargetContext): Promise<DataFrame[]> {
  const { client, range } = ctx;
  const refId = query.refId;
  const call = ctx.signal ? { signal: ctx.signal } : undefined;
  const from = String(range.from);
  const to = String(range.to);
  switch (query.queryType) {
    case 'topology': {
      const focus = optional(query.focus);
      const topology = await client.topology(
        { view: query.view ?? 'all', focus, depth: focus ? query.depth : undefined },
        call
      );
      return topologyFrames(topology, refId);
    }
    case 'entities': {
      const list = await client.listEntities(
        {
          type: optional(query.entityType),
          level: query.level,
          name: optional(query.name),
          attributes: parseAttributes(query.attributes),
          limit: ENTITY_PAGE,
        },
        call
      );
      return [entitiesFrame(list, refId)];
    }
    case 'signals': {
      const entity = required(query.entity, 'signals', 'an entity');
      const name = required(query.signal, 'signals', 'a signal');
      const step = optional(query.step) ?? millis(ctx.intervalMs);
      return [signalFrame(await client.signals({ entity, name, from, to, step }, call), refId)];
    }
    case 'forecast': {
      const entity = required(query.entity, 'forecast', 'an entity');
      const signal = required(query.signal, 'forecast', 'a signal');
      return [forecastFrame(await client.forecast({ entity, signal, horizon: optional(query.horizon) }, call), refId)];
    }
    case 'anomalies': {
      const { items } = await client.anomalies(
        { from, to, entity: optional(query.entity), minScore: query.minScore, limit: query.limit },
        call
      );
      return [...anomalyScoreFrames(items, refId), anomalyAnnotationFrame(items, refId)];
    }
    case 'rootCause': {
      const entity = required(query.entity, 'root cause', 'an entity');
      const signal = required(query.signal, 'root cause', 'a signal');
      const at = optional(query.at) ?? to;
      const window = optional(query.window) ?? millis(Math.min(MAX_WINDOW_MS, range.to - range.from));
      return [rootCauseFrame((await client.rootCause({ entity, signal, at, window }, call)).items, refId)];
    }
    case 'simulation':
      return simulationFrames(await simulate(query, ctx), refId);
    case 'events':
      return events(query, ctx);
    default:
      throw new Error(`unknown query type ${JSON.stringify(query.queryType)}`);
  }
}

function simulate(query: TwinQuery, ctx: TargetContext) {
  const call = ctx.signal ? { signal: ctx.signal } : undefined;
  const name = optional(query.scenarioName);
  const inline = optional(query.scenario);
  if (name === undefined && inline === undefined) {
    throw new Error('simulation: choose a saved scenario or write an inline one');
  }
  const submitted =
    name !== undefined
      ? ctx.client.runScenario(name, call)
      : ctx.client.runSimulation(parseScenario(inline as string), call);
  return submitted.then((job) => awaitSimulation(ctx.client, job, ctx.poll, call));
}

/** Log events of the range, and (unless turned off) the audit log's actions of the range beside them. */
async function events(query: TwinQuery, ctx: TargetContext): Promise<DataFrame[]> {
  const call = ctx.signal ? { signal: ctx.signal } : undefined;
  const entity = optional(query.entity);
  const limit = query.limit ?? DEFAULT_EVENT_LIMIT;
  const [logs, actions] = await Promise.all([
    ctx.client.events({ from: String(ctx.range.from), to: String(ctx.range.to), entity, limit }, call),
    query.includeActions === false ? Promise.resolve([]) : auditOf(ctx, limit, entity),
  ]);
  const rows = [...logEventRows(logs.items), ...auditRows(actions)];
  return [eventsTableFrame(rows, query.refId), eventsAnnotationFrame(rows, query.refId)];
}

/** The audit records of the range (and entity); a collector without a store has no audit route: none. */
async function auditOf(ctx: TargetContext, limit: number, entity: string | undefined): Promise<AuditRecord[]> {
  try {
    const { items } = await ctx.client.audit({ limit }, ctx.signal ? { signal: ctx.signal } : undefined);
    return items.filter(
      (a) => a.t >= ctx.range.from && a.t <= ctx.range.to && (entity === undefined || a.target === entity)
    );
  } catch (error) {
    if (error instanceof TwinApiError && error.status === 404) {
      return [];
    }
    throw error;
  }
}
