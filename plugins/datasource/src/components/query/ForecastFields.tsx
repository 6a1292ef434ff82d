import React from 'react';
import { CommitInput, durationError } from '../fields';
import { EntityField, SignalField } from './EntityFields';
import type { FieldsProps } from './fields-props';

const DAY_MS = 86_400_000;

/** Entity, signal and horizon of a forecast query. */
export function ForecastFields({ query, onCommit }: FieldsProps) {
  return (
    <>
      <EntityField query={query} onCommit={onCommit} required />
      <SignalField query={query} onCommit={onCommit} />
      <CommitInput
        label="Horizon"
        tooltip="How far ahead to predict, e.g. 30m or 2h; at most 24h (the collector keeps a day of forecast steps)"
        value={query.horizon}
        placeholder="1h"
        width={12}
        validate={(text) => durationError(text, DAY_MS, '24h')}
        onCommit={(text) => onCommit('horizon', text)}
      />
    </>
  );
}
