import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { graphFromFrames, type TopologyGraph } from '../model';
import { topologyFrames } from './test-fixtures';
import { TopologyView } from './TopologyView';

// jsdom has no PointerEvent: without it fireEvent.pointer* carries no coordinates.
if (typeof window.PointerEvent === 'undefined') {
  Object.defineProperty(window, 'PointerEvent', { value: class extends MouseEvent {} });
}

function setup(props: Partial<React.ComponentProps<typeof TopologyView>> = {}) {
  const graph = graphFromFrames(topologyFrames()) as TopologyGraph;
  const onSelect = jest.fn();
  const view = render(
    <TopologyView graph={graph} width={800} height={500} showLabels onSelect={onSelect} {...props} />
  );
  return { ...view, onSelect, user: userEvent.setup() };
}

const nodeIds = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('[data-node]')).map((n) => n.getAttribute('data-node'));

describe('TopologyView', () => {
  it('draws every node with its title and health', () => {
    const { container } = setup();
    expect(nodeIds(container)).toEqual(['service:shop/frontend', 'service:shop/checkout', 'service:shop/payments']);
    expect(Array.from(container.querySelectorAll('[data-node] text')).map((t) => t.textContent)).toEqual([
      'frontend',
      'checkout',
      'payments',
    ]);
    expect(screen.getByRole('button', { name: 'checkout (service), health failing' })).toHaveAttribute(
      'data-health',
      'failing'
    );
    expect(screen.getByRole('group', { name: 'Topology: 3 nodes, 2 edges' })).toBeInTheDocument();
  });

  it('draws edges as one path per error class and width', () => {
    const { container } = setup();
    const paths = Array.from(container.querySelectorAll('path[data-edges]')).map((p) => [
      p.getAttribute('data-error-class'),
      p.getAttribute('stroke-width'),
      p.getAttribute('data-edges'),
    ]);
    // e1: 40 req/s, 0.1 % errors; e2: 2,000 req/s, 8 % errors.
    expect(paths).toEqual([
      ['crit', '5', 'e2'],
      ['ok', '2.5', 'e1'],
    ]);
    for (const p of Array.from(container.querySelectorAll('path[data-edges]'))) {
      expect(p.getAttribute('d')).toMatch(/^M-?[\d.]+ -?[\d.]+L-?[\d.]+ -?[\d.]+$/);
    }
  });

  it('highlights search matches and selects the best on Enter', async () => {
    const { container, user, onSelect } = setup();
    await user.type(screen.getByLabelText('Search nodes'), 'pay');
    expect(
      Array.from(container.querySelectorAll('[data-highlighted="true"]')).map((n) => n.getAttribute('data-node'))
    ).toEqual(['service:shop/payments']);
    expect(screen.getByText('1 found')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(onSelect.mock.calls).toEqual([['service:shop/payments']]);
  });

  it('selects a node by click and by keyboard', async () => {
    const { user, onSelect } = setup();
    await user.click(screen.getByRole('button', { name: 'frontend (service), health ok' }));
    screen.getByRole('button', { name: 'payments (service), health degraded' }).focus();
    await user.keyboard('{Enter}');
    expect(onSelect.mock.calls).toEqual([['service:shop/frontend'], ['service:shop/payments']]);
  });

  it('focuses on the selected node with a depth', async () => {
    const { container, user } = setup({ selected: 'service:shop/frontend' });
    const depth = screen.getByLabelText('Depth');
    await user.tripleClick(depth);
    await user.keyboard('1');
    await user.click(screen.getByRole('button', { name: 'Focus on selected' }));
    expect(nodeIds(container)).toEqual(['service:shop/frontend', 'service:shop/checkout']);
    await user.click(screen.getByRole('button', { name: 'Show all' }));
    expect(nodeIds(container)).toHaveLength(3);
  });

  it('pins a dragged node where it was dropped, without selecting it', () => {
    const { container, onSelect } = setup();
    const node = container.querySelector('[data-node="service:shop/payments"]') as Element;
    const before = node.getAttribute('transform');
    fireEvent.pointerDown(node, { clientX: 100, clientY: 100 });
    fireEvent.pointerMove(container.querySelector('svg[role="group"]') as Element, { clientX: 160, clientY: 140 });
    fireEvent.pointerUp(container.querySelector('svg[role="group"]') as Element);
    fireEvent.click(node);
    expect(node.getAttribute('transform')).not.toBe(before);
    expect(screen.getByRole('button', { name: 'Unpin 1' })).toBeInTheDocument();
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('hides titles when labels are off', () => {
    const { container } = setup({ showLabels: false });
    expect(container.querySelectorAll('[data-node] text')).toHaveLength(0);
  });

  it('draws 2,000 nodes with a handful of edge paths and no titles when fitted (zoomed out)', () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => ({
      id: `n${i}`,
      title: `node ${i}`,
      subtitle: '',
      type: 'service',
      level: 'system',
      health: 'ok' as const,
      healthFractions: { ok: 1, degraded: 0, failing: 0, unknown: 0 },
      stats: {},
    }));
    const edges = nodes.slice(1).map((n, i) => ({
      id: `e${i}`,
      source: `n${Math.floor(i / 4)}`,
      target: n.id,
      type: 'calls',
      requestsPerSecond: i % 3 === 0 ? 500 : 5,
      errorRatio: i % 7 === 0 ? 0.1 : 0,
    }));
    const { container } = setup({ graph: { nodes, edges } });
    expect(container.querySelectorAll('path[data-edges]').length).toBeLessThanOrEqual(4);
    expect(container.querySelectorAll('[data-node]').length).toBe(2000);
    expect(container.querySelectorAll('[data-node] text')).toHaveLength(0);
  });
});
