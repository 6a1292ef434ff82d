import type { Clock } from '../model';
import type { HostAliases } from './inventory';

/** What the signal ingests share: the clock, and the devices the inventory names by host. */
export interface IngestContext {
  clock: Clock;
  /** Absent in tests of one ingest: every host is then a host. */
  hostAliases?: HostAliases;
}
