import React from 'react';
import { NumberInput } from '../fields';
import { EntityField } from './EntityFields';
import type { FieldsProps } from './fields-props';

/** Entity, lowest score and size of an anomalies query. */
export function AnomaliesFields({ query, onCommit }: FieldsProps) {
  return (
    <>
      <EntityField query={query} onCommit={onCommit} required={false} />
      <NumberInput
        label="Min score"
        tooltip="Keep anomalies scoring at least this, from 0 to 1 (1 is the most unusual)"
        value={query.minScore}
        placeholder="0"
        rules={{ min: 0, max: 1, integer: false }}
        onCommit={(value) => onCommit('minScore', value)}
      />
      <NumberInput
        label="Limit"
        tooltip="At most this many anomalies, 1 to 1000"
        value={query.limit}
        placeholder="100"
        rules={{ min: 1, max: 1000, integer: true }}
        onCommit={(value) => onCommit('limit', value)}
      />
    </>
  );
}
