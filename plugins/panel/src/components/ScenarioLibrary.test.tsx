import React from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { floorPlan, graphFromFrames, graphFromTopology } from '../model';
import { fakeClient, infraTopology, installDomStubs, savedScenarios, topologyFrames } from './test-fixtures';
import { WhatIfPanel } from './WhatIfPanel';

installDomStubs();

const noWait = { intervalMs: 1000, maxPolls: 3, sleep: () => Promise.resolve() };
const collectorError = (status: number, message: string) =>
  Object.assign(new Error(`TwinOps collector: ${status} ${message}`), { status });

function setup(client = fakeClient()) {
  render(
    <WhatIfPanel
      client={client}
      graph={graphFromFrames(topologyFrames())}
      plan={floorPlan(graphFromTopology(infraTopology()))}
      selected="crac:1"
      onOverlay={jest.fn()}
      poll={noWait}
    />
  );
  return { client, user: userEvent.setup() };
}

describe('ScenarioLibrary in the what-if panel', () => {
  it('saves the exact scenario of the controls under the name given', async () => {
    const { client, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Fail crac-1' }));
    await user.type(screen.getByLabelText('Scenario name'), 'crac-1-down');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved "crac-1-down" (version 1)')).toBeInTheDocument();
    expect(client.saveScenario.mock.calls).toEqual([
      ['crac-1-down', { horizon_seconds: 3600, step_seconds: 60, changes: [{ type: 'fail', target: 'crac:1' }] }],
    ]);
  });

  it('will not save without changes or under a name the collector refuses', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('Scenario name'), 'ok-name');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Fail crac-1' }));
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
    await user.type(screen.getByLabelText('Scenario name'), ' 2');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(
      screen.getByText('Letters, digits, ".", "_" and "-", starting with a letter or digit; up to 128')
    ).toBeInTheDocument();
  });

  it.each([
    [
      400,
      'invalid scenario: changes[0].target: entity "crac:1" not found',
      'TwinOps collector: 400 invalid scenario: changes[0].target: entity "crac:1" not found',
    ],
    [
      403,
      'the token lacks the write scope',
      "TwinOps collector: 403 the token lacks the write scope — saving and deleting need a token with the write scope in the TwinOps datasource's settings.",
    ],
  ])('shows the collector refusing a save with %s inline', async (status, message, shown) => {
    const { user } = setup(fakeClient({ saveScenario: jest.fn().mockRejectedValue(collectorError(status, message)) }));
    await user.click(screen.getByRole('button', { name: 'Fail crac-1' }));
    await user.type(screen.getByLabelText('Scenario name'), 'x');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The scenario was not saved')).toBeInTheDocument();
    expect(within(alert).getByText(shown)).toBeInTheDocument();
  });

  it('lists the saved scenarios and loads one into the controls, naming what it keeps out', async () => {
    const { client, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const list = await screen.findByRole('list', { name: 'Saved scenarios' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((i) => i.textContent)
    ).toEqual(['crac-1-downv3 · 2026-01-01 12:00 UTC', 'double-loadv1 · 2026-01-01 12:01 UTC']);
    await user.click(screen.getByRole('button', { name: 'Open crac-1-down' }));

    expect(screen.queryByRole('list', { name: 'Saved scenarios' })).not.toBeInTheDocument();
    expect(screen.getByText('crac-1 failed')).toBeInTheDocument();
    expect(screen.getByLabelText('Setpoint °C of crac-2')).toHaveValue(20);
    expect(screen.getByLabelText('Scenario name')).toHaveValue('crac-1-down');
    expect(screen.getByText('Opened "crac-1-down" (version 3)')).toBeInTheDocument();
    expect(
      screen.getByText('Kept out, as the controls cannot show them (saving again drops them): changes[2]: network')
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Run (2 changes)' }));
    await screen.findByRole('table', { name: 'Predicted violations' });
    expect(client.runSimulation.mock.calls[0][0]).toEqual({
      horizon_seconds: 7200,
      step_seconds: 120,
      changes: [
        { type: 'fail', target: 'crac:1' },
        { type: 'set', target: 'crac:2', property: 'setpoint_celsius', value: 20 },
      ],
    });
  });

  it('deletes a saved scenario and lists the rest', async () => {
    const listScenarios = jest
      .fn()
      .mockResolvedValueOnce({ items: savedScenarios() })
      .mockResolvedValueOnce({ items: savedScenarios().slice(0, 1) });
    const { client, user } = setup(fakeClient({ listScenarios }));
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(await screen.findByRole('button', { name: 'Delete double-load' }));
    expect(await screen.findByRole('button', { name: 'Open crac-1-down' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open double-load' })).not.toBeInTheDocument();
    expect(client.deleteScenario.mock.calls).toEqual([['double-load']]);
  });

  it('says when the list cannot be read', async () => {
    const { user } = setup(
      fakeClient({
        listScenarios: jest
          .fn()
          .mockRejectedValue(collectorError(503, 'saved scenarios need the store and simulation')),
      })
    );
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The saved scenarios could not be listedTwinOps collector: 503 saved scenarios need the store and simulation'
    );
  });
});
