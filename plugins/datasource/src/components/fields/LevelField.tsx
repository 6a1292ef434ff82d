import React from 'react';
import { InlineField, RadioButtonGroup } from '@grafana/ui';
import type { SelectableValue } from '@grafana/data';
import { LEVELS, type Level } from '../../types';

// '' stands for "any level": a radio group needs a value for the unfiltered choice.
type LevelChoice = Level | '';

const OPTIONS: Array<SelectableValue<LevelChoice>> = [
  { value: '', label: 'Any' },
  ...LEVELS.map((level) => ({ value: level, label: level.charAt(0).toUpperCase() + level.slice(1) })),
];

export interface LevelFieldProps {
  value: Level | undefined;
  /** Called at once (a click is a complete edit) with the level, or undefined for any level. */
  onChange: (level: Level | undefined) => void;
}

/** The level filter of entity queries: any, or one of the twin's five levels. */
export function LevelField({ value, onChange }: LevelFieldProps) {
  return (
    <InlineField label="Level" labelWidth={14} tooltip="Only entities at this level of the twin">
      <RadioButtonGroup<LevelChoice>
        aria-label="Level"
        options={OPTIONS}
        value={value ?? ''}
        onChange={(choice) => onChange(choice === '' ? undefined : choice)}
      />
    </InlineField>
  );
}
