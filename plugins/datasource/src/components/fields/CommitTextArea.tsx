import React, { useId } from 'react';
import { InlineField, TextArea } from '@grafana/ui';
import { useCommit } from './use-commit';

export interface CommitTextAreaProps {
  label: string;
  tooltip: string;
  value: string | undefined;
  placeholder?: string;
  rows?: number;
  validate?: (text: string) => string | undefined;
  onCommit: (text: string | undefined) => void;
}

/** A labelled multi-line field that commits on blur (Enter stays a newline). */
export function CommitTextArea({
  label,
  tooltip,
  value,
  placeholder,
  rows = 8,
  validate,
  onCommit,
}: CommitTextAreaProps) {
  const id = useId();
  const { draft, error, change, commit } = useCommit(value, onCommit, validate);
  return (
    <InlineField label={label} tooltip={tooltip} labelWidth={14} grow invalid={error !== undefined} error={error}>
      <TextArea
        id={id}
        rows={rows}
        value={draft}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(event) => change(event.currentTarget.value)}
        onBlur={commit}
      />
    </InlineField>
  );
}
