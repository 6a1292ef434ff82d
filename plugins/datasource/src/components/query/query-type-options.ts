import type { SelectableValue } from '@grafana/data';
import { QUERY_TYPES, type QueryType } from '../../types';

const LABELS: Record<QueryType, string> = {
  topology: 'Topology',
  entities: 'Entities',
  signals: 'Signals',
  forecast: 'Forecast',
  anomalies: 'Anomalies',
  rootCause: 'Root cause',
  simulation: 'Simulation',
  events: 'Events',
};

const DESCRIPTIONS: Record<QueryType, string> = {
  topology: 'Nodes and edges for the Node Graph panel',
  entities: 'A table of the twin’s entities',
  signals: 'Time series of one signal of an entity',
  forecast: 'The prediction of a signal with its lower and upper bounds',
  anomalies: 'Anomaly scores over time, and anomalies as annotations',
  rootCause: 'Likely causes of a symptom, ranked, with explanations',
  simulation: 'A what-if scenario: predicted series beside the baseline, and violations',
  events: 'Warnings and errors of entities, and actions taken through the API',
};

/** The query type selector's options, in the order of QUERY_TYPES. */
export const QUERY_TYPE_OPTIONS: Array<SelectableValue<QueryType>> = QUERY_TYPES.map((value) => ({
  value,
  label: LABELS[value],
  description: DESCRIPTIONS[value],
}));
