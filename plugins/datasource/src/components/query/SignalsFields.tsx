import React from 'react';
import { CommitInput, durationError } from '../fields';
import { EntityField, SignalField } from './EntityFields';
import type { FieldsProps } from './fields-props';

/** Entity, signal and resolution of a signals query. */
export function SignalsFields({ query, onCommit }: FieldsProps) {
  return (
    <>
      <EntityField query={query} onCommit={onCommit} required />
      <SignalField query={query} onCommit={onCommit} />
      <CommitInput
        label="Step"
        tooltip="Resolution: points are averaged per step, e.g. 30s or 5m. Empty: the panel's interval."
        value={query.step}
        placeholder="panel interval"
        width={12}
        validate={(text) => durationError(text)}
        onCommit={(text) => onCommit('step', text)}
      />
    </>
  );
}
