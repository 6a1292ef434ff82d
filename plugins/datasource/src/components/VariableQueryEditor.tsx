import React from 'react';
import { InlineField, RadioButtonGroup, Stack } from '@grafana/ui';
import type { DataSourceApi, QueryEditorProps, SelectableValue } from '@grafana/data';
import type { TwinVariableRequest } from '../query';
import type { TwinDataSourceOptions, TwinQuery, TwinVariableQuery } from '../types';
import { CommitInput, LevelField } from './fields';

type Kind = TwinVariableQuery['kind'];

export interface VariableQueryEditorProps {
  /** Missing, or an empty string, for a new variable (Grafana's legacy variable editor passes ''). */
  query: TwinVariableQuery | string | undefined;
  /** Receives the new query and a one-line definition shown in the dashboard's variable list. */
  onChange: (query: TwinVariableQuery, definition: string) => void;
}

const KIND_OPTIONS: Array<SelectableValue<Kind>> = [
  { value: 'entities', label: 'Entity ids', description: 'Ids of the entities of a type or level' },
  { value: 'signals', label: 'Signal names', description: 'Names of the signals of one entity' },
];

/** The definition shown for a variable query, e.g. `entities(type: host, level: asset)`. */
export function variableDefinition(query: TwinVariableQuery): string {
  if (query.kind === 'signals') {
    return `signals(entity: ${query.entity ?? ''})`;
  }
  const filters = [
    query.entityType ? `type: ${query.entityType}` : undefined,
    query.level ? `level: ${query.level}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return `entities(${filters.join(', ')})`;
}

/** A new variable starts as all entity ids; a stored query without a kind is read as entities. */
function startingQuery(query: TwinVariableQuery | string | undefined): TwinVariableQuery {
  if (typeof query !== 'object' || query === null) {
    return { kind: 'entities' };
  }
  return query.kind ? query : { ...query, kind: 'entities' };
}

/** The editor of a template variable's query: entity ids by type or level, or an entity's signal names. */
export function VariableQueryEditor({ query, onChange }: VariableQueryEditorProps) {
  const current = startingQuery(query);
  const set = <K extends keyof TwinVariableQuery>(key: K, value: TwinVariableQuery[K] | undefined) => {
    const next: TwinVariableQuery = { ...current };
    if (value === undefined) {
      delete next[key];
    } else {
      next[key] = value;
    }
    onChange(next, variableDefinition(next));
  };

  return (
    <Stack direction="column" gap={0}>
      <InlineField label="Values" labelWidth={14}>
        <RadioButtonGroup<Kind>
          aria-label="Values"
          options={KIND_OPTIONS}
          value={current.kind}
          onChange={(kind) => set('kind', kind)}
        />
      </InlineField>
      {current.kind === 'entities' ? (
        <>
          <CommitInput
            label="Type"
            tooltip="Only entities of this type (host, service, rack, …); other variables such as $site work"
            value={current.entityType}
            placeholder="any type"
            onCommit={(text) => set('entityType', text)}
          />
          <LevelField value={current.level} onChange={(level) => set('level', level)} />
        </>
      ) : (
        <CommitInput
          label="Entity"
          tooltip="The entity whose signal names to list; another variable such as $host works"
          value={current.entity}
          placeholder="entity id (required)"
          width={32}
          onCommit={(text) => set('entity', text)}
        />
      )}
    </Stack>
  );
}

/** The editor as Grafana's custom variable support mounts it: the query keeps its refId. */
export function VariableEditor({
  query,
  onChange,
}: QueryEditorProps<
  DataSourceApi<TwinQuery, TwinDataSourceOptions>,
  TwinQuery,
  TwinDataSourceOptions,
  TwinVariableRequest
>) {
  return (
    <VariableQueryEditor query={query} onChange={(next) => onChange({ ...next, refId: query?.refId ?? 'variable' })} />
  );
}
