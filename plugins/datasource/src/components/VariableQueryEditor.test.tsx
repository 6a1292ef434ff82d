import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TwinVariableQuery } from '../types';
import { variableDefinition, VariableQueryEditor } from './VariableQueryEditor';

function setup(query: TwinVariableQuery | string | undefined) {
  const onChange = jest.fn();
  const view = render(<VariableQueryEditor query={query} onChange={onChange} />);
  return { ...view, onChange, user: userEvent.setup() };
}

describe('variableDefinition', () => {
  it.each<[TwinVariableQuery, string]>([
    [{ kind: 'entities' }, 'entities()'],
    [{ kind: 'entities', entityType: 'host' }, 'entities(type: host)'],
    [{ kind: 'entities', entityType: '$kind', level: 'asset' }, 'entities(type: $kind, level: asset)'],
    [{ kind: 'entities', level: 'system', entity: 'ignored' }, 'entities(level: system)'],
    [{ kind: 'signals', entity: 'web-1' }, 'signals(entity: web-1)'],
    [{ kind: 'signals' }, 'signals(entity: )'],
  ])('describes %j as %s', (query, definition) => {
    expect(variableDefinition(query)).toBe(definition);
  });
});

describe('VariableQueryEditor', () => {
  it('starts a new variable as entity ids with type and level filters', () => {
    setup(undefined);
    expect(screen.getByRole('radio', { name: 'Entity ids' })).toBeChecked();
    expect(screen.getByLabelText('Type')).toHaveValue('');
    expect(screen.getByRole('radio', { name: 'Any' })).toBeChecked();
    expect(screen.queryByLabelText('Entity')).not.toBeInTheDocument();
  });

  it('reads the empty string of a new legacy variable as entity ids', async () => {
    const { user, onChange } = setup('');
    await user.click(screen.getByRole('radio', { name: 'Asset' }));
    expect(onChange.mock.calls).toEqual([[{ kind: 'entities', level: 'asset' }, 'entities(level: asset)']]);
  });

  it('sets the entity type on blur with its definition', async () => {
    const { user, onChange } = setup({ kind: 'entities', level: 'asset' });
    await user.type(screen.getByLabelText('Type'), 'host');
    await user.tab();
    expect(onChange.mock.calls).toEqual([
      [{ kind: 'entities', level: 'asset', entityType: 'host' }, 'entities(type: host, level: asset)'],
    ]);
  });

  it('sets the level with a click', async () => {
    const { user, onChange } = setup({ kind: 'entities' });
    await user.click(screen.getByRole('radio', { name: 'System' }));
    expect(onChange.mock.calls).toEqual([[{ kind: 'entities', level: 'system' }, 'entities(level: system)']]);
  });

  it('switches to signal names, then asks for the entity', async () => {
    const { user, onChange, rerender } = setup({ kind: 'entities' });
    await user.click(screen.getByRole('radio', { name: 'Signal names' }));
    expect(onChange.mock.calls).toEqual([[{ kind: 'signals' }, 'signals(entity: )']]);
    rerender(<VariableQueryEditor query={{ kind: 'signals' }} onChange={onChange} />);
    expect(screen.queryByLabelText('Type')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Entity'), '$host');
    await user.tab();
    expect(onChange.mock.calls[1]).toEqual([{ kind: 'signals', entity: '$host' }, 'signals(entity: $host)']);
  });

  it('keeps members it does not edit, such as the refId of a custom variable query', async () => {
    const query = { kind: 'signals', entity: 'web-1', refId: 'variable-query' } as TwinVariableQuery;
    const { user, onChange } = setup(query);
    expect(screen.getByLabelText('Entity')).toHaveValue('web-1');
    await user.clear(screen.getByLabelText('Entity'));
    await user.tab();
    expect(onChange.mock.calls).toEqual([[{ kind: 'signals', refId: 'variable-query' }, 'signals(entity: )']]);
  });
});
