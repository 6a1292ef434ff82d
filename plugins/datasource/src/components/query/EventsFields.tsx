import React, { useId } from 'react';
import { InlineField, InlineSwitch } from '@grafana/ui';
import { NumberInput } from '../fields';
import { EntityField } from './EntityFields';
import type { FieldsProps } from './fields-props';

/** Entity, size and whether to include the audit log's actions, for an events query. */
export function EventsFields({ query, onCommit }: FieldsProps) {
  const actionsId = useId();
  return (
    <>
      <EntityField query={query} onCommit={onCommit} required={false} />
      <NumberInput
        label="Limit"
        tooltip="At most this many events, 1 to 1000"
        value={query.limit}
        placeholder="100"
        rules={{ min: 1, max: 1000, integer: true }}
        onCommit={(value) => onCommit('limit', value)}
      />
      <InlineField
        label="Actions"
        labelWidth={14}
        tooltip="Also list the actions taken through the collector's API (its audit log)"
      >
        <InlineSwitch
          id={actionsId}
          value={query.includeActions !== false}
          onChange={(event) => onCommit('includeActions', event.currentTarget.checked)}
        />
      </InlineField>
    </>
  );
}
