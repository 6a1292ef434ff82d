import React from 'react';
import { CommitInput } from '../fields';
import type { FieldsProps } from './fields-props';

interface EntityFieldProps extends FieldsProps {
  /** Whether the query needs an entity; optional ones read "all entities" when empty. */
  required: boolean;
}

/** The entity id field shared by the signal, forecast, anomaly, root-cause and event queries. */
export function EntityField({ query, onCommit, required }: EntityFieldProps) {
  return (
    <CommitInput
      label="Entity"
      tooltip="An entity id of the twin, as shown by an Entities query. Template variables such as $host work."
      value={query.entity}
      placeholder={required ? 'entity id (required)' : 'all entities'}
      width={32}
      onCommit={(text) => onCommit('entity', text)}
    />
  );
}

/** The signal name field shared by the signal, forecast and root-cause queries. */
export function SignalField({ query, onCommit }: FieldsProps) {
  return (
    <CommitInput
      label="Signal"
      tooltip="A signal of the entity, e.g. cpu.utilization. Template variables such as $signal work."
      value={query.signal}
      placeholder="signal name (required)"
      width={32}
      onCommit={(text) => onCommit('signal', text)}
    />
  );
}
