import { PanelPlugin } from '@grafana/data';
import { TopologyPanel } from './components';
import { DEFAULT_OPTIONS, type PanelOptions } from './types';

export const plugin = new PanelPlugin<PanelOptions>(TopologyPanel).setPanelOptions((builder) =>
  builder
    .addRadio({
      path: 'view',
      name: 'View',
      description:
        'Topology draws services and infrastructure as a graph; Floor draws the data center as rooms, rows and racks.',
      defaultValue: DEFAULT_OPTIONS.view,
      settings: {
        options: [
          { value: 'topology', label: 'Topology' },
          { value: 'floor', label: 'Floor' },
        ],
      },
    })
    .addRadio({
      path: 'floorMetric',
      name: 'Rack colour',
      description:
        'What colours each rack on the floor: hottest server inlet, power against capacity, or power headroom.',
      defaultValue: DEFAULT_OPTIONS.floorMetric,
      settings: {
        options: [
          { value: 'inlet', label: 'Inlet temperature' },
          { value: 'power', label: 'Power' },
          { value: 'headroom', label: 'Headroom' },
        ],
      },
      showIf: (options) => options.view === 'floor',
    })
    .addNumberInput({
      path: 'inletWarnCelsius',
      name: 'Inlet warning (°C)',
      description: 'Racks whose hottest inlet reaches this are drawn as warnings (ASHRAE recommended maximum: 27 °C).',
      defaultValue: DEFAULT_OPTIONS.inletWarnCelsius,
      category: ['Thresholds'],
    })
    .addNumberInput({
      path: 'inletCritCelsius',
      name: 'Inlet critical (°C)',
      description: 'Racks whose hottest inlet reaches this are drawn as critical (ASHRAE A1 allowable maximum: 32 °C).',
      defaultValue: DEFAULT_OPTIONS.inletCritCelsius,
      category: ['Thresholds'],
    })
    .addNumberInput({
      path: 'powerWarnFraction',
      name: 'Power warning (fraction of capacity)',
      description:
        'Racks drawing at least this fraction of their power capacity are warnings; headroom below the rest is too.',
      defaultValue: DEFAULT_OPTIONS.powerWarnFraction,
      settings: { min: 0, max: 1, step: 0.05 },
      category: ['Thresholds'],
    })
    .addNumberInput({
      path: 'powerCritFraction',
      name: 'Power critical (fraction of capacity)',
      description: 'Racks drawing at least this fraction of their power capacity are critical.',
      defaultValue: DEFAULT_OPTIONS.powerCritFraction,
      settings: { min: 0, max: 1, step: 0.05 },
      category: ['Thresholds'],
    })
    .addBooleanSwitch({
      path: 'showLabels',
      name: 'Show labels',
      description:
        'Node titles in the topology (hidden anyway when zoomed far out, to stay smooth with thousands of nodes).',
      defaultValue: DEFAULT_OPTIONS.showLabels,
      category: ['Layout'],
    })
    .addBooleanSwitch({
      path: 'whatIf',
      name: 'What-if mode',
      description:
        'Shows the what-if controls beside the view: change load, fail entities, tune cooling, and run a simulation.',
      defaultValue: DEFAULT_OPTIONS.whatIf,
    })
);
