import React from 'react';
import { InlineField, RadioButtonGroup } from '@grafana/ui';
import type { SelectableValue } from '@grafana/data';
import { CommitInput, NumberInput } from '../fields';
import type { TopologyView } from '../../types';
import type { FieldsProps } from './fields-props';

const VIEW_OPTIONS: Array<SelectableValue<TopologyView>> = [
  { value: 'all', label: 'All', description: 'Services and the infrastructure they run on' },
  { value: 'services', label: 'Services', description: 'Services and the calls between them' },
  { value: 'infra', label: 'Infrastructure', description: 'Hosts, racks, rooms and their links' },
];

/** View, focus entity and depth of a topology query. */
export function TopologyFields({ query, onCommit }: FieldsProps) {
  return (
    <>
      <InlineField label="View" labelWidth={14} tooltip="Which graph of the twin to draw">
        <RadioButtonGroup
          aria-label="View"
          options={VIEW_OPTIONS}
          value={query.view ?? 'all'}
          onChange={(view) => onCommit('view', view)}
        />
      </InlineField>
      <CommitInput
        label="Focus"
        tooltip="An entity id: keep only what lies within Depth hops of it. Template variables such as $service work."
        value={query.focus}
        placeholder="whole graph"
        onCommit={(text) => onCommit('focus', text)}
      />
      <NumberInput
        label="Depth"
        tooltip="Hops from the focus entity, 0 to 10 (used with Focus)"
        value={query.depth}
        placeholder="2"
        rules={{ min: 0, max: 10, integer: true }}
        onCommit={(value) => onCommit('depth', value)}
      />
    </>
  );
}
