import React, { useId } from 'react';
import { InlineField, Input } from '@grafana/ui';
import { useCommit } from './use-commit';

export interface CommitInputProps {
  label: string;
  tooltip: string;
  value: string | undefined;
  placeholder?: string;
  /** Input width in multiples of 8px. */
  width?: number;
  /** The message shown under the field for invalid trimmed text, or undefined when it is fine. */
  validate?: (text: string) => string | undefined;
  /** Called on blur or Enter with the trimmed text (undefined when empty), only when it changed. */
  onCommit: (text: string | undefined) => void;
}

/** A labelled one-line text field of a query editor that commits on blur or Enter. */
export function CommitInput({ label, tooltip, value, placeholder, width = 24, validate, onCommit }: CommitInputProps) {
  const id = useId();
  const { draft, error, change, commit } = useCommit(value, onCommit, validate);
  return (
    <InlineField label={label} tooltip={tooltip} labelWidth={14} invalid={error !== undefined} error={error}>
      <Input
        id={id}
        width={width}
        value={draft}
        placeholder={placeholder}
        onChange={(event) => change(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            commit();
          }
        }}
      />
    </InlineField>
  );
}
