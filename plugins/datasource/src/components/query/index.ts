/** The query editor's per-type field groups, the query type options and the field setter. */
export { AnomaliesFields } from './AnomaliesFields';
export { EntitiesFields } from './EntitiesFields';
export { EntityField, SignalField } from './EntityFields';
export { EventsFields } from './EventsFields';
export { ForecastFields } from './ForecastFields';
export { QUERY_TYPE_OPTIONS } from './query-type-options';
export { RootCauseFields } from './RootCauseFields';
export { SignalsFields } from './SignalsFields';
export { SimulationFields } from './SimulationFields';
export { TopologyFields } from './TopologyFields';
export { withField } from './fields-props';
export type { CommitField, FieldsProps } from './fields-props';
