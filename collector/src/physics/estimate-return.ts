/**
 * The room's return air from the energy balance (there is no return sensor): with the units'
 * supplies observed, each removes Q_i = G_i (T − S_i), so C dT/dt = P_IT − Σ G_i (T − S_i) −
 * U (T − T_amb) is a linear equation driven by measured series. It is integrated exactly over
 * each interval from the steady state of the first sample; the heat each unit removed follows.
 */
export interface ReturnEstimateInput {
  /** Grid times in seconds. */
  times: readonly number[];
  itWatts: ArrayLike<number>;
  /** Per unit: conductance G (W/K) and observed supply (°C) per grid time. */
  units: { conductance: ArrayLike<number>; supplyCelsius: ArrayLike<number> }[];
  thermalMassJoulesPerKelvin: number;
  envelopeWattsPerKelvin: number;
  ambientCelsius: number;
}

export interface ReturnEstimate {
  returnCelsius: Float64Array;
  /** Per unit, heat removed per grid time (W, never negative). */
  loadWatts: Float64Array[];
}

export function estimateReturn(input: ReturnEstimateInput): ReturnEstimate {
  const n = input.times.length;
  const ret = new Float64Array(n);
  const u = input.envelopeWattsPerKelvin;
  const driveAt = (k: number) => {
    let g = u;
    let a = input.itWatts[k] + u * input.ambientCelsius;
    for (const unit of input.units) {
      g += unit.conductance[k];
      a += unit.conductance[k] * unit.supplyCelsius[k];
    }
    return { g, a };
  };
  for (let k = 0; k < n; k++) {
    const { g, a } = driveAt(k === 0 ? 0 : k - 1);
    const equilibrium = g > 0 ? a / g : input.ambientCelsius;
    if (k === 0) {
      ret[0] = equilibrium;
      continue;
    }
    const dt = input.times[k] - input.times[k - 1];
    ret[k] = equilibrium + (ret[k - 1] - equilibrium) * Math.exp((-dt * g) / Math.max(1, input.thermalMassJoulesPerKelvin));
  }
  const loadWatts = input.units.map((unit) => Float64Array.from({ length: n }, (_, k) => Math.max(0, unit.conductance[k] * (ret[k] - unit.supplyCelsius[k]))));
  return { returnCelsius: ret, loadWatts };
}
