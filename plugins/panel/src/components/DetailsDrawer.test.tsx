import React from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DetailsDrawer } from './DetailsDrawer';
import { fakeClient, installDomStubs } from './test-fixtures';

installDomStubs();

const range = { from: 1000, to: 2000 };
const ID = 'service:shop/checkout';

async function setup(client = fakeClient()) {
  const onClose = jest.fn();
  render(<DetailsDrawer client={client} entityId={ID} range={range} onClose={onClose} />);
  await screen.findByRole('list', { name: 'Events' });
  return { client, onClose, user: userEvent.setup() };
}

const signal = { signal: expect.any(AbortSignal) };

describe('DetailsDrawer', () => {
  it("asks the client for the entity's signals, anomalies and events over the panel's range", async () => {
    const { client } = await setup();
    expect(client.getEntity.mock.calls).toEqual([[ID, signal]]);
    expect(client.signals.mock.calls).toEqual([
      [{ entity: ID, name: 'service.error_ratio', from: '1000', to: '2000' }, signal],
      [{ entity: ID, name: 'service.requests', from: '1000', to: '2000' }, signal],
    ]);
    expect(client.anomalies.mock.calls).toEqual([[{ entity: ID, from: '1000', to: '2000' }, signal]]);
    expect(client.events.mock.calls).toEqual([[{ entity: ID, from: '1000', to: '2000' }, signal]]);
    // The forecast is of the first analysed signal.
    expect(client.forecast.mock.calls).toEqual([[{ entity: ID, signal: 'service.error_ratio' }, signal]]);
  });

  it('shows the health, sparklines, anomalies and events', async () => {
    await setup();
    expect(screen.getByRole('complementary', { name: 'Details of checkout' })).toBeInTheDocument();
    expect(screen.getByText('health failing')).toBeInTheDocument();
    expect(screen.getByText('error ratio 8 % above 5 %')).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'service.error_ratio over the time range' })).toBeInTheDocument();
    const line = screen.getByRole('img', { name: 'service.requests over the time range' }).querySelector('polyline');
    expect(line?.getAttribute('points')).toBe('1.0,27.0 60.0,1.0 119.0,14.0');
    expect(within(screen.getByRole('list', { name: 'Anomalies' })).getByRole('listitem')).toHaveTextContent(
      '2026-01-01 12:00:00 service.error_ratio: score 4.5, value 0.08'
    );
    expect(within(screen.getByRole('list', { name: 'Events' })).getByRole('listitem')).toHaveTextContent(
      '2026-01-01 12:00:00 ERROR: payment gateway timeout'
    );
  });

  it("shows a forecast's 409 (history too short) as a quiet note", async () => {
    await setup();
    expect(await screen.findByText('Not enough history yet to forecast service.error_ratio.')).toBeInTheDocument();
  });

  it('ranks root causes for the chosen signal on request', async () => {
    const { client, user } = await setup();
    expect(client.rootCause).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Find root cause' }));
    const list = await screen.findByRole('list', { name: 'Root cause candidates' });
    expect(client.rootCause.mock.calls).toEqual([[{ entity: ID, signal: 'service.error_ratio' }, signal]]);
    expect(within(list).getByRole('listitem')).toHaveTextContent(
      'service:shop/payments (score 0.9): service:shop/payments → service:shop/checkout'
    );
  });

  it('closes', async () => {
    const { user, onClose } = await setup();
    await user.click(screen.getByRole('button', { name: 'Close details' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('says why when the entity cannot be read', async () => {
    const client = fakeClient({
      getEntity: jest.fn().mockRejectedValue(new Error('TwinOps collector: 404 entity not found')),
    });
    render(<DetailsDrawer client={client} entityId={ID} range={range} onClose={jest.fn()} />);
    expect(await screen.findByText('TwinOps collector: 404 entity not found')).toBeInTheDocument();
  });
});
