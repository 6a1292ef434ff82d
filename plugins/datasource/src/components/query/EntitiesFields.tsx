import React from 'react';
import { attributesError, CommitInput, LevelField } from '../fields';
import type { FieldsProps } from './fields-props';

/** Type, level, name and attribute filters of an entities query. */
export function EntitiesFields({ query, onCommit }: FieldsProps) {
  return (
    <>
      <CommitInput
        label="Type"
        tooltip="Only entities of this type (host, service, rack, …)"
        value={query.entityType}
        placeholder="any type"
        onCommit={(text) => onCommit('entityType', text)}
      />
      <LevelField value={query.level} onChange={(level) => onCommit('level', level)} />
      <CommitInput
        label="Name"
        tooltip="Only entities whose name contains this text (case-insensitive)"
        value={query.name}
        placeholder="any name"
        onCommit={(text) => onCommit('name', text)}
      />
      <CommitInput
        label="Attributes"
        tooltip="Attribute filters as key=value pairs separated by commas, e.g. env=prod, region=$region"
        value={query.attributes}
        placeholder="key=value, …"
        width={40}
        validate={attributesError}
        onCommit={(text) => onCommit('attributes', text)}
      />
    </>
  );
}
