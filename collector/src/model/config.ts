import { int, obj } from '../config';
import type { ValueOf } from '../config';

/**
 * The parts of the `twin` config section the graph store itself reads: limits and history.
 * Every limit keeps memory bounded whatever arrives; what a limit turns away is counted in
 * `TwinStats.dropped` and `twinops_twin_dropped_total{reason}`.
 */
export const twinLimitsConfigSchema = obj({
  max_entities: int(100_000, 'entities kept; new entities beyond this are dropped (reason entity_limit)', { min: 1 }),
  max_relations: int(500_000, 'relations kept; new relations beyond this are dropped (reason relation_limit)', {
    min: 1,
  }),
  max_signals: int(
    100_000,
    'signals kept over all entities (reason signal_limit); with full history each costs\nretention_seconds / resolution_seconds x 16 bytes (5.8 KB at the defaults, 576 MB for 100,000)',
    { min: 1 },
  ),
  max_signals_per_entity: int(500, 'signals kept per entity (reason entity_signal_limit)', { min: 1 }),
  max_signal_name_length: int(512, 'longer signal names (metric name plus labels) are dropped (reason signal_name_too_long)', {
    min: 1,
  }),
  max_attributes_per_entity: int(128, 'attributes kept per entity (reason attribute_limit)', { min: 1 }),
  max_attribute_value_length: int(1024, 'longer attribute values and messages are truncated (reason attribute_truncated)', {
    min: 1,
  }),
  max_events_per_entity: int(20, 'latest WARN-or-worse log events kept per entity; older ones are evicted', { min: 1 }),
  max_series_state: int(
    100_000,
    'cumulative series remembered to turn totals into rates; the least recently updated is\nevicted beyond this (reason series_state_evicted)',
    { min: 1 },
  ),
});

export const twinHistoryConfigSchema = obj({
  resolution_seconds: int(10, 'points of one signal within one bucket of this width are averaged into one point', {
    min: 1,
  }),
  retention_seconds: int(3600, 'history kept per signal: retention / resolution points (360 at the defaults)', {
    min: 1,
  }),
});

export type TwinLimitsConfig = ValueOf<typeof twinLimitsConfigSchema>;
export type TwinHistoryConfig = ValueOf<typeof twinHistoryConfigSchema>;

/** What `createTwin` reads; the whole `twin` section (see ingest) satisfies it. */
export interface TwinModelConfig {
  limits: TwinLimitsConfig;
  history: TwinHistoryConfig;
}

export function defaultTwinModelConfig(): TwinModelConfig {
  return { limits: { ...twinLimitsConfigSchema.defaultValue }, history: { ...twinHistoryConfigSchema.defaultValue } };
}

/** Cross-field rules of the two sub-sections; `path` is where they sit in the YAML (e.g. `twin`). */
export function validateTwinModelConfig(config: TwinModelConfig, path: string): string[] {
  const { resolutionSeconds, retentionSeconds } = config.history;
  if (retentionSeconds < resolutionSeconds) {
    return [
      `${path}.history.retention_seconds: must be at least resolution_seconds (${resolutionSeconds}), got ${retentionSeconds}`,
    ];
  }
  return [];
}
