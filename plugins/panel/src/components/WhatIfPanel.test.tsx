import React from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { floorPlan, graphFromFrames, graphFromTopology } from '../model';
import type { Overlay } from './overlay';
import { fakeClient, infraTopology, installDomStubs, simulationResult, topologyFrames } from './test-fixtures';
import { WhatIfPanel } from './WhatIfPanel';

installDomStubs();

const noWait = { intervalMs: 1000, maxPolls: 3, sleep: () => Promise.resolve() };

function setup(client = fakeClient(), selected = 'crac:1') {
  const onOverlay = jest.fn<void, [Overlay | undefined]>();
  render(
    <WhatIfPanel
      client={client}
      graph={graphFromFrames(topologyFrames())}
      plan={floorPlan(graphFromTopology(infraTopology()))}
      selected={selected}
      onOverlay={onOverlay}
      poll={noWait}
    />
  );
  return { client, onOverlay, user: userEvent.setup() };
}

const rows = (name: string) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .map((r) =>
      within(r)
        .queryAllByRole('cell')
        .map((c) => c.textContent)
    );

describe('WhatIfPanel', () => {
  it('posts the exact scenario of the controls and polls the job', async () => {
    const { client, user } = setup();
    expect(screen.getByRole('button', { name: 'Run (0 changes)' })).toBeDisabled();
    const site = screen.getByLabelText('Site load factor');
    await user.clear(site);
    await user.type(site, '1.5');
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Fail crac-1' }));
    await user.type(screen.getByLabelText('Setpoint °C of crac-2'), '30');
    await user.type(screen.getByLabelText('Fan speed of crac-2'), '0.8');
    await user.click(screen.getByRole('button', { name: 'Run (4 changes)' }));
    await screen.findByRole('table', { name: 'Predicted violations' });
    expect(client.runSimulation.mock.calls).toEqual([
      [
        {
          horizon_seconds: 3600,
          step_seconds: 60,
          changes: [
            { type: 'scale_load', factor: 1.5 },
            { type: 'fail', target: 'crac:1' },
            { type: 'set', target: 'crac:2', property: 'setpoint_celsius', value: 30 },
            { type: 'set', target: 'crac:2', property: 'fan_speed_ratio', value: 0.8 },
          ],
        },
        { signal: expect.any(AbortSignal) },
      ],
    ]);
    expect(client.getSimulation.mock.calls).toEqual([['sim-1', { signal: expect.any(AbortSignal) }]]);
  });

  it('shows the violations with onsets and the KPI changes, and lays the prediction over the view', async () => {
    const { user, onOverlay } = setup();
    await user.click(screen.getByRole('button', { name: 'Fail crac-1' }));
    await user.click(screen.getByRole('button', { name: 'Run (1 change)' }));
    await screen.findByRole('table', { name: 'Predicted violations' });
    expect(rows('Predicted violations')).toEqual([[], ['+20 min', 'host:r2-s1', 'inlet_above_allowable', 'new']]);
    expect(rows('KPI changes')).toEqual([
      [],
      ['IT power (mean)', '10.00 kW', '10.00 kW', '±0.00 W'],
      ['Cooling power (mean)', '5.00 kW', '2.00 kW', '−3.00 kW'],
      ['PUE', '1.50', '1.20', '−0.30'],
      ['IT energy', '10.00 kWh', '10.00 kWh', '±0.00 kWh'],
      ['Cooling energy', '5.00 kWh', '2.00 kWh', '−3.00 kWh'],
      ['Carbon', '2.00 kg', '2.00 kg', '±0.00 kg'],
      ['Peak inlet temperature', '25.00 °C', '25.00 °C', '±0.00 °C'],
    ]);
    const last = onOverlay.mock.calls[onOverlay.mock.calls.length - 1][0] as Overlay;
    expect([last.after, last.start, [...last.violations.keys()]]).toEqual([
      true,
      simulationResult().start,
      ['host:r2-s1'],
    ]);
    expect(last.prediction.get('host:r2-s1')?.get('inlet.temperature')).toEqual({
      baseline: 29,
      predicted: 35,
      unit: 'Cel',
    });

    await user.click(screen.getByRole('radio', { name: 'Before' }));
    expect((onOverlay.mock.calls[onOverlay.mock.calls.length - 1][0] as Overlay).after).toBe(false);
  });

  it('moves the overlay along the horizon with the time slider', async () => {
    const { user, onOverlay } = setup();
    await user.click(screen.getByRole('button', { name: 'Fail crac-1' }));
    await user.click(screen.getByRole('button', { name: 'Run (1 change)' }));
    const time = await screen.findByLabelText(/Time in the horizon/);
    await user.clear(time);
    await user.type(time, '1');
    await user.tab();
    const last = onOverlay.mock.calls[onOverlay.mock.calls.length - 1][0] as Overlay;
    expect(last.prediction.get('host:r2-s1')?.get('inlet.temperature')?.predicted).toBe(31);
    expect(screen.getByText('The view shows +10 min')).toBeInTheDocument();
  });

  it('says why a simulation failed', async () => {
    const client = fakeClient({
      getSimulation: jest
        .fn()
        .mockResolvedValue({ id: 'sim-1', status: 'failed', submittedAt: 0, error: 'unknown target crac:9' }),
    });
    const { user, onOverlay } = setup(client);
    await user.click(screen.getByRole('button', { name: 'Fail crac-1' }));
    await user.click(screen.getByRole('button', { name: 'Run (1 change)' }));
    expect(
      await screen.findByText('TwinOps collector: simulation sim-1 failed: unknown target crac:9')
    ).toBeInTheDocument();
    expect(onOverlay.mock.calls.every(([o]) => o === undefined)).toBe(true);
  });

  it('removes a change again', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Fail crac-1' }));
    await user.click(screen.getByRole('button', { name: 'Remove crac-1 failed' }));
    expect(screen.getByRole('button', { name: 'Run (0 changes)' })).toBeDisabled();
  });
});
