import React from 'react';
import { CommitInput, durationError, instantError } from '../fields';
import { EntityField, SignalField } from './EntityFields';
import type { FieldsProps } from './fields-props';

const DAY_MS = 86_400_000;

/** Symptom entity, signal, time and evidence window of a root-cause query. */
export function RootCauseFields({ query, onCommit }: FieldsProps) {
  return (
    <>
      <EntityField query={query} onCommit={onCommit} required />
      <SignalField query={query} onCommit={onCommit} />
      <CommitInput
        label="At"
        tooltip="When the symptom was seen: RFC 3339, epoch milliseconds, now or now-15m. Empty: the end of the time range."
        value={query.at}
        placeholder="end of time range"
        validate={instantError}
        onCommit={(text) => onCommit('at', text)}
      />
      <CommitInput
        label="Window"
        tooltip="How far back before At the evidence reaches, e.g. 15m; at most 24h. Empty: the time range."
        value={query.window}
        placeholder="time range"
        width={12}
        validate={(text) => durationError(text, DAY_MS, '24h')}
        onCommit={(text) => onCommit('window', text)}
      />
    </>
  );
}
