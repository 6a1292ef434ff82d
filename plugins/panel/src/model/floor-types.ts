/** The data center floor: sites → rooms → rows → racks → servers, and the CRACs cooling the racks. */

export type FloorMetric = 'inlet' | 'power' | 'headroom';
export type Level = 'ok' | 'warn' | 'crit' | 'unknown';

export interface FloorThresholds {
  inletWarnCelsius: number;
  inletCritCelsius: number;
  /** Shares of a rack's power capacity. */
  powerWarnFraction: number;
  powerCritFraction: number;
}

export interface FloorServer {
  id: string;
  name: string;
  inletCelsius?: number;
  powerWatts?: number;
}

export interface FloorRack {
  id: string;
  name: string;
  servers: FloorServer[];
  /** The hottest of its servers' inlets. */
  inletCelsius?: number;
  powerWatts?: number;
  capacityWatts?: number;
  /** capacity − power, when both are known. */
  headroomWatts?: number;
  /** Ids of the CRACs cooling it. */
  coolingBy: string[];
}

export interface FloorRow {
  id: string;
  name: string;
  racks: FloorRack[];
}

export interface FloorCrac {
  id: string;
  name: string;
  /** Ids of the racks it cools. */
  cools: string[];
  supplyCelsius?: number;
  failed: boolean;
}

export interface FloorRoom {
  id: string;
  name: string;
  rows: FloorRow[];
  cracs: FloorCrac[];
}

export interface FloorSite {
  id: string;
  name: string;
  rooms: FloorRoom[];
}

export interface FloorPlan {
  sites: FloorSite[];
}
