import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DataSource } from '../datasource';
import type { TwinQuery } from '../types';
import { QueryEditor } from './QueryEditor';

function setup(query: Omit<TwinQuery, 'refId'> | { queryType?: undefined }) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  const props = { query: { refId: 'A', ...query } as TwinQuery, onChange, onRunQuery, datasource: {} as DataSource };
  const view = render(<QueryEditor {...props} />);
  return { ...view, props, onChange, onRunQuery, user: userEvent.setup() };
}

// The labels of the editor's fields, in order: InlineField labels carry an id, option labels do not.
function fieldLabels(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('label[id], span[id]')).map((element) => element.textContent ?? '');
}

describe('QueryEditor', () => {
  it.each<[TwinQuery['queryType'], string[]]>([
    ['topology', ['Query type', 'View', 'Focus', 'Depth']],
    ['entities', ['Query type', 'Type', 'Level', 'Name', 'Attributes']],
    ['signals', ['Query type', 'Entity', 'Signal', 'Step']],
    ['forecast', ['Query type', 'Entity', 'Signal', 'Horizon']],
    ['anomalies', ['Query type', 'Entity', 'Min score', 'Limit']],
    ['rootCause', ['Query type', 'Entity', 'Signal', 'At', 'Window']],
    ['simulation', ['Query type', 'Scenario', 'Inline']],
    ['events', ['Query type', 'Entity', 'Limit', 'Actions']],
  ])('shows the fields of a %s query', (queryType, labels) => {
    const { container } = setup({ queryType });
    expect(fieldLabels(container)).toEqual(labels);
  });

  it('shows a new query (only a refId) as the default topology query', () => {
    const { container } = setup({});
    expect(screen.getByRole('radio', { name: 'Topology' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'All' })).toBeChecked();
    expect(fieldLabels(container)).toEqual(['Query type', 'View', 'Focus', 'Depth']);
  });

  it('saves a new query with the defaults it was shown with', async () => {
    const { user, onChange } = setup({});
    await user.type(screen.getByLabelText('Focus'), 'web{Enter}');
    expect(onChange.mock.calls).toEqual([[{ refId: 'A', queryType: 'topology', view: 'all', focus: 'web' }]]);
  });

  it('offers the eight query types with readable labels', () => {
    setup({ queryType: 'topology' });
    const group = screen.getByRole('radiogroup', { name: 'Query type' });
    expect(Array.from(group.querySelectorAll('label')).map((label) => label.textContent)).toEqual([
      'Topology',
      'Entities',
      'Signals',
      'Forecast',
      'Anomalies',
      'Root cause',
      'Simulation',
      'Events',
    ]);
  });

  it('switches the query type, keeping the shared fields, and runs the query', async () => {
    const { user, onChange, onRunQuery } = setup({
      queryType: 'signals',
      entity: 'web-1',
      signal: 'cpu.utilization',
      step: '1m',
    });
    await user.click(screen.getByRole('radio', { name: 'Forecast' }));
    expect(onChange.mock.calls).toEqual([
      [{ refId: 'A', queryType: 'forecast', entity: 'web-1', signal: 'cpu.utilization', step: '1m' }],
    ]);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it.each<[string, Omit<TwinQuery, 'refId'>, string, string, Partial<TwinQuery>]>([
    ['topology focus', { queryType: 'topology' }, 'Focus', '$service', { focus: '$service' }],
    ['topology depth', { queryType: 'topology', focus: 'web' }, 'Depth', '3', { depth: 3 }],
    ['entities type', { queryType: 'entities' }, 'Type', 'host', { entityType: 'host' }],
    ['entities name', { queryType: 'entities' }, 'Name', 'web', { name: 'web' }],
    [
      'entities attributes',
      { queryType: 'entities' },
      'Attributes',
      'env=prod, region=$region',
      { attributes: 'env=prod, region=$region' },
    ],
    ['signals entity', { queryType: 'signals' }, 'Entity', '$host', { entity: '$host' }],
    [
      'signals signal',
      { queryType: 'signals', entity: 'h1' },
      'Signal',
      'cpu.utilization',
      { signal: 'cpu.utilization' },
    ],
    ['signals step', { queryType: 'signals' }, 'Step', '30s', { step: '30s' }],
    ['forecast horizon', { queryType: 'forecast' }, 'Horizon', '2h', { horizon: '2h' }],
    ['anomalies min score', { queryType: 'anomalies' }, 'Min score', '0.8', { minScore: 0.8 }],
    ['anomalies limit', { queryType: 'anomalies' }, 'Limit', '50', { limit: 50 }],
    ['root cause at', { queryType: 'rootCause' }, 'At', 'now-15m', { at: 'now-15m' }],
    ['root cause window', { queryType: 'rootCause' }, 'Window', '30m', { window: '30m' }],
    ['simulation name', { queryType: 'simulation' }, 'Scenario', 'double-load', { scenarioName: 'double-load' }],
    ['events entity', { queryType: 'events' }, 'Entity', 'db-1', { entity: 'db-1' }],
    ['events limit', { queryType: 'events' }, 'Limit', '20', { limit: 20 }],
  ])('commits %s on blur and runs the query', async (_name, query, label, typed, added) => {
    const { user, onChange, onRunQuery } = setup(query);
    await user.type(screen.getByLabelText(label), typed);
    expect(onChange).not.toHaveBeenCalled();
    await user.tab();
    expect(onChange.mock.calls).toEqual([[{ refId: 'A', ...query, ...added }]]);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('commits on Enter too, trimming the text', async () => {
    const { user, onChange, onRunQuery } = setup({ queryType: 'signals' });
    await user.type(screen.getByLabelText('Entity'), '  web-1 {Enter}');
    expect(onChange.mock.calls).toEqual([[{ refId: 'A', queryType: 'signals', entity: 'web-1' }]]);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('removes a field that is emptied', async () => {
    const { user, onChange } = setup({ queryType: 'signals', entity: 'web-1', signal: 'cpu' });
    await user.clear(screen.getByLabelText('Signal'));
    await user.tab();
    expect(onChange.mock.calls).toEqual([[{ refId: 'A', queryType: 'signals', entity: 'web-1' }]]);
  });

  it('does not run the query when a field is left unchanged', async () => {
    const { user, onChange, onRunQuery } = setup({ queryType: 'signals', entity: 'web-1' });
    await user.click(screen.getByLabelText('Entity'));
    await user.tab();
    expect(onChange).not.toHaveBeenCalled();
    expect(onRunQuery).not.toHaveBeenCalled();
  });

  it.each<[Omit<TwinQuery, 'refId'>, string, string, string]>([
    [{ queryType: 'topology' }, 'Depth', 'two', 'Must be a whole number from 0 to 10, got "two"'],
    [{ queryType: 'topology' }, 'Depth', '11', 'Must be a whole number from 0 to 10, got "11"'],
    [{ queryType: 'anomalies' }, 'Min score', '1.5', 'Must be a number from 0 to 1, got "1.5"'],
    [{ queryType: 'anomalies' }, 'Limit', '2.5', 'Must be a whole number from 1 to 1000, got "2.5"'],
    [{ queryType: 'events' }, 'Limit', '0', 'Must be a whole number from 1 to 1000, got "0"'],
    [{ queryType: 'signals' }, 'Step', 'fast', 'Must be a duration such as 30s, 5m or 1h, got "fast"'],
    [{ queryType: 'forecast' }, 'Horizon', '2d', 'Must be at most 24h, got "2d"'],
    [
      { queryType: 'rootCause' },
      'At',
      'yesterday',
      'Must be RFC 3339, epoch milliseconds, now or now-<duration>, got "yesterday"',
    ],
    [{ queryType: 'entities' }, 'Attributes', 'prod', 'Must be key=value pairs separated by commas, got "prod"'],
  ])('shows an inline error for invalid input and commits nothing (%#)', async (query, label, typed, message) => {
    const { user, onChange, onRunQuery } = setup(query);
    const input = screen.getByLabelText(label);
    await user.type(input, typed);
    await user.tab();
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveValue(typed);
    expect(onChange).not.toHaveBeenCalled();
    expect(onRunQuery).not.toHaveBeenCalled();
  });

  it('clears the error once the input is fixed and commits the number', async () => {
    const { user, onChange } = setup({ queryType: 'topology' });
    const depth = screen.getByLabelText('Depth');
    await user.type(depth, 'x');
    await user.tab();
    await user.clear(depth);
    await user.type(depth, '4');
    await user.tab();
    expect(screen.queryByText(/Must be/)).not.toBeInTheDocument();
    expect(onChange.mock.calls).toEqual([[{ refId: 'A', queryType: 'topology', depth: 4 }]]);
  });

  it('sets the topology view with one click', async () => {
    const { user, onChange, onRunQuery } = setup({ queryType: 'topology', view: 'all' });
    await user.click(screen.getByRole('radio', { name: 'Infrastructure' }));
    expect(onChange.mock.calls).toEqual([[{ refId: 'A', queryType: 'topology', view: 'infra' }]]);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('sets and clears the entities level', async () => {
    const { user, onChange, rerender, props } = setup({ queryType: 'entities' });
    await user.click(screen.getByRole('radio', { name: 'Asset' }));
    expect(onChange.mock.calls).toEqual([[{ refId: 'A', queryType: 'entities', level: 'asset' }]]);
    rerender(<QueryEditor {...props} query={{ refId: 'A', queryType: 'entities', level: 'asset' }} />);
    await user.click(screen.getByRole('radio', { name: 'Any' }));
    expect(onChange.mock.calls[1]).toEqual([{ refId: 'A', queryType: 'entities' }]);
  });

  it('turns the audit actions of an events query off', async () => {
    const { user, onChange, onRunQuery } = setup({ queryType: 'events' });
    const actions = screen.getByRole('switch');
    expect(actions).toBeChecked();
    await user.click(actions);
    expect(onChange.mock.calls).toEqual([[{ refId: 'A', queryType: 'events', includeActions: false }]]);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('commits an inline scenario as typed JSON', async () => {
    const { user, onChange } = setup({ queryType: 'simulation' });
    const scenario = '{"horizon_seconds": 600, "changes": [{"type": "fail", "target": "$host"}]}';
    await user.click(screen.getByLabelText('Inline'));
    await user.paste(scenario);
    await user.tab();
    expect(onChange.mock.calls).toEqual([[{ refId: 'A', queryType: 'simulation', scenario }]]);
  });

  it.each([
    [
      '{"horizon_seconds": ',
      'Must be a JSON object such as {"horizon_seconds": 3600, "changes": []}: this is not valid JSON',
    ],
    ['[1, 2]', 'Must be a JSON object such as {"horizon_seconds": 3600, "changes": []}, got an array'],
  ])('refuses the inline scenario %s', async (text, message) => {
    const { user, onChange } = setup({ queryType: 'simulation' });
    await user.click(screen.getByLabelText('Inline'));
    await user.paste(text);
    await user.tab();
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('marks the inline scenario unused while a saved scenario is named', () => {
    setup({ queryType: 'simulation', scenarioName: 'double-load' });
    expect(screen.getByLabelText('Inline (unused)')).toBeInTheDocument();
  });

  it('shows the values of a saved query and follows a query changed from outside', () => {
    const { rerender, props } = setup({ queryType: 'forecast', entity: 'web-1', signal: 'latency', horizon: '2h' });
    expect(screen.getByLabelText('Entity')).toHaveValue('web-1');
    expect(screen.getByLabelText('Signal')).toHaveValue('latency');
    expect(screen.getByLabelText('Horizon')).toHaveValue('2h');
    rerender(<QueryEditor {...props} query={{ refId: 'A', queryType: 'forecast', entity: 'db-1' }} />);
    expect(screen.getByLabelText('Entity')).toHaveValue('db-1');
    expect(screen.getByLabelText('Signal')).toHaveValue('');
  });
});
