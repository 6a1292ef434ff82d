import React from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_THRESHOLDS, predictionAt, violationsByEntity } from '../model';
import { FloorView } from './FloorView';
import type { Overlay } from './overlay';
import { fakeClient, simulationResult } from './test-fixtures';

async function setup(props: Partial<React.ComponentProps<typeof FloorView>> = {}) {
  const client = fakeClient();
  const onSelect = jest.fn();
  const onPlan = jest.fn();
  const view = render(
    <FloorView
      client={client}
      refreshKey={1}
      metric="inlet"
      thresholds={DEFAULT_THRESHOLDS}
      onSelect={onSelect}
      onPlan={onPlan}
      {...props}
    />
  );
  await screen.findByRole('region', { name: 'Room Hall A' });
  return { ...view, client, onSelect, onPlan, user: userEvent.setup() };
}

const levels = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('[data-rack]')).map((r) => [
    r.getAttribute('data-rack'),
    r.getAttribute('data-level'),
  ]);

describe('FloorView', () => {
  it('fetches the infrastructure graph and shows every rack coloured by inlet level', async () => {
    const { container, client, onPlan } = await setup();
    expect(client.topology.mock.calls).toEqual([[{ view: 'infra' }, { signal: expect.any(AbortSignal) }]]);
    expect(levels(container)).toEqual([
      ['rack:r1', 'ok'],
      ['rack:r2', 'warn'],
      ['rack:r3', 'crit'],
      ['rack:r4', 'unknown'],
    ]);
    expect(screen.getByRole('button', { name: 'Rack r3: 34.0 °C, crit' })).toHaveAttribute('data-hot', 'true');
    expect(onPlan).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      'Power',
      [
        ['rack:r1', 'ok'],
        ['rack:r2', 'warn'],
        ['rack:r3', 'crit'],
        ['rack:r4', 'unknown'],
      ],
    ],
    [
      'Headroom',
      [
        ['rack:r1', 'ok'],
        ['rack:r2', 'warn'],
        ['rack:r3', 'crit'],
        ['rack:r4', 'unknown'],
      ],
    ],
  ])('colours racks by %s when chosen', async (label, expected) => {
    const { container, user } = await setup();
    await user.click(screen.getByRole('radio', { name: label }));
    expect(levels(container)).toEqual(expected);
  });

  it('outlines the racks a CRAC cools while it has focus', async () => {
    const { container, user } = await setup();
    const outlined = () =>
      Array.from(container.querySelectorAll('[data-outlined="true"]')).map((r) => r.getAttribute('data-rack'));
    expect(outlined()).toEqual([]);
    act(() => screen.getByRole('button', { name: 'CRAC crac-1, cools 2 racks' }).focus());
    expect(outlined()).toEqual(['rack:r1', 'rack:r2']);
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName('CRAC crac-2, cools 2 racks');
    expect(outlined()).toEqual(['rack:r3', 'rack:r4']);
    await user.hover(screen.getByRole('button', { name: 'CRAC crac-1, cools 2 racks' }));
    expect(outlined()).toEqual(['rack:r1', 'rack:r2']);
  });

  it('drills down: a room alone, a rack to its servers, a server to its details', async () => {
    const { container, user, onSelect } = await setup();
    await user.click(screen.getByRole('button', { name: 'Open room Hall A' }));
    expect(screen.getByRole('button', { name: 'All rooms' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Rack r2: 29.0 °C, warn' }));
    const servers = screen.getByRole('region', { name: 'Servers in rack r2' });
    expect(
      within(servers)
        .getAllByRole('row')
        .map((r) => r.textContent)
    ).toEqual(['ServerInletPower', 'r2-s129.0 °C0.4 kW']);
    await user.click(within(servers).getByRole('button', { name: 'r2-s1' }));
    expect(onSelect.mock.calls).toEqual([['host:r2-s1']]);
    expect(container.querySelectorAll('[data-rack]')).toHaveLength(4);
  });

  it('shows predicted values and the onset of violations from a what-if overlay', async () => {
    const result = simulationResult();
    const overlay: Overlay = {
      prediction: predictionAt(result, result.timestamps[3]),
      violations: violationsByEntity(result),
      start: result.start,
      after: true,
    };
    const { container } = await setup({ overlay });
    expect(levels(container)[1]).toEqual(['rack:r2', 'crit']);
    expect(
      screen.getByRole('button', { name: 'Rack r2: 35.0 °C, crit, predicted violation at +20 min' })
    ).toHaveTextContent('r2+20 min');
  });

  it('shows the error when the floor cannot be fetched', async () => {
    const client = fakeClient({ topology: jest.fn().mockRejectedValue(new Error('TwinOps collector: 503 not ready')) });
    render(
      <FloorView client={client} refreshKey={1} metric="inlet" thresholds={DEFAULT_THRESHOLDS} onSelect={jest.fn()} />
    );
    expect(await screen.findByText('TwinOps collector: 503 not ready')).toBeInTheDocument();
  });

  it('fetches again when the panel data refreshes', async () => {
    const { client, rerender } = await setup();
    await act(async () => {
      rerender(
        <FloorView client={client} refreshKey={2} metric="inlet" thresholds={DEFAULT_THRESHOLDS} onSelect={jest.fn()} />
      );
    });
    expect(client.topology).toHaveBeenCalledTimes(2);
  });
});
