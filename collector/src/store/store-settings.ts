import type { Clock } from '../model';

export interface StoreSettings {
  clock: Clock;
  /** twin.history.resolution_seconds x 1000: the raw bucket width. */
  resolutionMs: number;
  /** This collector's name among those sharing a store (PostgreSQL); default: `store.postgres.collector_id`, else the host name. */
  collectorId?: string;
}
