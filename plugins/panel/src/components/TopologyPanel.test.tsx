import React from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  EventBusSrv,
  getDefaultTimeRange,
  LoadingState,
  type DataFrame,
  type DataQueryRequest,
  type PanelData,
  type PanelProps,
} from '@grafana/data';
import type { TwinClient } from '@twinops/datasource/src/api';
import { twinClientOf } from '../twin';
import { DEFAULT_OPTIONS, type PanelOptions } from '../types';
import { fakeClient, installDomStubs, topologyFrames } from './test-fixtures';
import { TopologyPanel } from './TopologyPanel';

jest.mock('../twin', () => ({ twinClientOf: jest.fn() }));
const clientOf = twinClientOf as jest.MockedFunction<typeof twinClientOf>;

installDomStubs();

const request = {
  targets: [{ refId: 'A', datasource: { type: 'twinops-twin-datasource', uid: 'twin' } }],
} as unknown as DataQueryRequest;

function props(
  series: DataFrame[],
  options: Partial<PanelOptions> = {},
  data: Partial<PanelData> = {}
): PanelProps<PanelOptions> {
  const timeRange = getDefaultTimeRange();
  return {
    id: 1,
    data: { series, state: LoadingState.Done, timeRange, request, ...data },
    timeRange,
    timeZone: 'utc',
    options: { ...DEFAULT_OPTIONS, ...options },
    transparent: false,
    width: 1200,
    height: 600,
    fieldConfig: { defaults: {}, overrides: [] },
    renderCounter: 0,
    title: 'Twin',
    eventBus: new EventBusSrv(),
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    replaceVariables: (s: string) => s,
    onChangeTimeRange: jest.fn(),
  };
}

/** Renders and lets the client resolve (a state update of its own). */
async function renderPanel(panel: React.ReactElement) {
  let view: ReturnType<typeof render> | undefined;
  await act(async () => {
    view = render(panel);
  });
  return view as ReturnType<typeof render>;
}

function withClient(client: TwinClient = fakeClient()) {
  clientOf.mockResolvedValue(client);
  return client as jest.Mocked<TwinClient>;
}

describe('TopologyPanel', () => {
  it('draws the topology of the query and opens the details of a clicked node', async () => {
    const client = withClient();
    const user = userEvent.setup();
    await renderPanel(<TopologyPanel {...props(topologyFrames())} />);
    expect(screen.getByRole('group', { name: 'Topology: 3 nodes, 2 edges' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'checkout (service), health failing' }));
    expect(await screen.findByRole('complementary', { name: 'Details of checkout' })).toBeInTheDocument();
    expect(client.getEntity.mock.calls).toEqual([['service:shop/checkout', { signal: expect.any(AbortSignal) }]]);
    await user.click(screen.getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('complementary', { name: 'Details of checkout' })).not.toBeInTheDocument();
  });

  it('says what to do without a topology query', async () => {
    withClient();
    await renderPanel(<TopologyPanel {...props([])} />);
    expect(screen.getByText('No topology to draw')).toBeInTheDocument();
    expect(screen.getByText('Add a query with the TwinOps datasource (Topology).')).toBeInTheDocument();
  });

  it("shows the query's error", async () => {
    withClient();
    await renderPanel(
      <TopologyPanel
        {...props(
          [],
          {},
          { state: LoadingState.Error, errors: [{ message: 'TwinOps collector: 401 token rejected' }] }
        )}
      />
    );
    expect(screen.getByText('The TwinOps query failed')).toBeInTheDocument();
    expect(screen.getByText('TwinOps collector: 401 token rejected')).toBeInTheDocument();
  });

  it('shows loading while the first answer is on its way', async () => {
    withClient();
    await renderPanel(<TopologyPanel {...props([], {}, { state: LoadingState.Loading })} />);
    expect(screen.getByText('Loading the topology…')).toBeInTheDocument();
  });

  it('draws the floor through the client in the floor view', async () => {
    const client = withClient();
    const { container } = await renderPanel(<TopologyPanel {...props(topologyFrames(), { view: 'floor' })} />);
    await screen.findByRole('region', { name: 'Room Hall A' });
    expect(client.topology).toHaveBeenCalledWith({ view: 'infra' }, expect.anything());
    expect(container.querySelectorAll('[data-rack]')).toHaveLength(4);
  });

  it('explains a missing TwinOps datasource in the floor view', async () => {
    clientOf.mockRejectedValue(new Error('Add a query with the TwinOps datasource to this panel.'));
    await renderPanel(<TopologyPanel {...props([], { view: 'floor' })} />);
    expect(await screen.findByText('Add a query with the TwinOps datasource to this panel.')).toBeInTheDocument();
  });

  it('shows the what-if controls beside the view in what-if mode', async () => {
    withClient();
    await renderPanel(<TopologyPanel {...props(topologyFrames(), { whatIf: true })} />);
    expect(await screen.findByRole('complementary', { name: 'What-if' })).toBeInTheDocument();
    // The floor's CRACs come from the infrastructure graph even in the topology view.
    expect(await screen.findByLabelText('Setpoint °C of crac-1')).toBeInTheDocument();
  });
});
