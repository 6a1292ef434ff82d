import React from 'react';
import { CommitInput } from './CommitInput';
import { numberError, type NumberRules } from './validation';

export interface NumberInputProps {
  label: string;
  tooltip: string;
  value: number | undefined;
  placeholder?: string;
  rules: NumberRules;
  onCommit: (value: number | undefined) => void;
}

/** A numeric query field: parsed on commit, with an inline error naming the accepted range. */
export function NumberInput({ label, tooltip, value, placeholder, rules, onCommit }: NumberInputProps) {
  return (
    <CommitInput
      label={label}
      tooltip={tooltip}
      value={value === undefined ? undefined : String(value)}
      placeholder={placeholder}
      width={12}
      validate={(text) => numberError(text, rules)}
      onCommit={(text) => onCommit(text === undefined ? undefined : Number(text))}
    />
  );
}
