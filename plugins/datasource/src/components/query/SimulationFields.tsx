import React from 'react';
import { CommitInput, CommitTextArea, scenarioError } from '../fields';
import type { FieldsProps } from './fields-props';

const SCENARIO_EXAMPLE = `{
  "horizon_seconds": 3600,
  "step_seconds": 60,
  "changes": [{ "type": "scale_load", "target": "$service", "factor": 2 }]
}`;

/** A saved scenario's name, or an inline scenario in JSON, for a simulation query. */
export function SimulationFields({ query, onCommit }: FieldsProps) {
  const saved = query.scenarioName !== undefined && query.scenarioName !== '';
  return (
    <>
      <CommitInput
        label="Scenario"
        tooltip="The name of a scenario saved on the collector. When set, the inline scenario below is ignored."
        value={query.scenarioName}
        placeholder="saved scenario name"
        width={32}
        onCommit={(text) => onCommit('scenarioName', text)}
      />
      <CommitTextArea
        label={saved ? 'Inline (unused)' : 'Inline'}
        tooltip="A scenario as JSON, run when no saved scenario is named: horizon_seconds, step_seconds, changes, and optionally seed, monte_carlo, objectives."
        value={query.scenario}
        placeholder={SCENARIO_EXAMPLE}
        validate={scenarioError}
        onCommit={(text) => onCommit('scenario', text)}
      />
    </>
  );
}
