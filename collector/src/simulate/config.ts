import { int, num, obj } from '../config';
import type { ValueOf } from '../config';

/** The `simulate` section: calibration of the physics and the what-if simulations on it. */
export const simulateConfigSchema = obj({
  calibration_interval_seconds: int(60, 'how often the data-center physics is refitted from the twin’s history', { min: 1 }),
  calibration_window_seconds: int(3600, 'how much history each calibration fits on', { min: 60 }),
  grid_carbon_grams_per_kwh: num(400, 'carbon intensity of the grid for the carbon KPI, g CO₂e per kWh', { min: 0 }),
  inline_max_work: int(
    2_000_000,
    'a simulation costing at most this (entities × steps × runs) answers at once; a larger one becomes a job to poll',
    { min: 0 },
  ),
  max_jobs: int(100, 'simulation jobs kept for GET /api/v1/simulations/{id}; the oldest finished go first', { min: 1 }),
});

export type SimulateConfig = ValueOf<typeof simulateConfigSchema>;
