import React, { type ComponentType } from 'react';
import { InlineField, RadioButtonGroup, Stack } from '@grafana/ui';
import type { QueryEditorProps } from '@grafana/data';
import type { DataSource } from '../datasource';
import { DEFAULT_QUERY, type QueryType, type TwinDataSourceOptions, type TwinQuery } from '../types';
import {
  AnomaliesFields,
  EntitiesFields,
  EventsFields,
  ForecastFields,
  QUERY_TYPE_OPTIONS,
  RootCauseFields,
  SignalsFields,
  SimulationFields,
  TopologyFields,
  withField,
  type CommitField,
  type FieldsProps,
} from './query';

export type TwinQueryEditorProps = QueryEditorProps<DataSource, TwinQuery, TwinDataSourceOptions>;

const FIELDS: Record<QueryType, ComponentType<FieldsProps>> = {
  topology: TopologyFields,
  entities: EntitiesFields,
  signals: SignalsFields,
  forecast: ForecastFields,
  anomalies: AnomaliesFields,
  rootCause: RootCauseFields,
  simulation: SimulationFields,
  events: EventsFields,
};

/**
 * The query editor: a query type selector and the fields of that type. Every committed change
 * runs the query, so the panel follows the editor without a separate Run button.
 */
export function QueryEditor({ query, onChange, onRunQuery }: TwinQueryEditorProps) {
  // A new query arrives with only a refId: show it as the default (topology, all).
  const current: TwinQuery =
    query.queryType === undefined ? { ...DEFAULT_QUERY, ...query, queryType: 'topology' } : query;
  const Fields: ComponentType<FieldsProps> | undefined = FIELDS[current.queryType];

  const commit: CommitField = (key, value) => {
    onChange(withField(current, key, value));
    onRunQuery();
  };

  return (
    <Stack direction="column" gap={0}>
      <InlineField label="Query type" labelWidth={14}>
        <RadioButtonGroup<QueryType>
          aria-label="Query type"
          options={QUERY_TYPE_OPTIONS}
          value={current.queryType}
          // Entity, signal and the rest are kept: switching from signals to forecast keeps the series.
          onChange={(queryType) => commit('queryType', queryType)}
        />
      </InlineField>
      {Fields ? <Fields query={current} onCommit={commit} /> : null}
    </Stack>
  );
}
