/**
 * The room's return air, one lumped volume: C dT/dt = P_IT − ΣQ_i − U (T − T_ambient). Over a
 * sub-step each unit keeps the regime it has at the start (off, linear Q = G (T − T_set), or
 * saturated at its capacity), so the equation is linear and is integrated exactly; the heat each
 * term moved is integrated with the same formula, so the energy balance closes to rounding.
 */

export interface RoomUnits {
  /** Per unit: conductance G (W/K), capacity at its fan speed (W), setpoint (°C), failed. */
  conductance: Float64Array;
  capacity: Float64Array;
  setpoint: Float64Array;
  failed: Uint8Array;
}

export interface RoomStepResult {
  returnCelsius: number;
  removedJoules: number;
  envelopeJoules: number;
}

/** Integrates the room over h seconds from `returnCelsius` with IT heat `itWatts` held constant. */
export function integrateRoom(
  returnCelsius: number,
  itWatts: number,
  units: RoomUnits,
  room: { thermalMassJoulesPerKelvin: number; envelopeWattsPerKelvin: number; ambientCelsius: number },
  h: number,
): RoomStepResult {
  const c = Math.max(1, room.thermalMassJoulesPerKelvin);
  const u = room.envelopeWattsPerKelvin;
  let saturated = 0;
  let linearG = 0;
  let linearGSet = 0;
  for (let i = 0; i < units.conductance.length; i++) {
    const g = units.conductance[i];
    if (units.failed[i] === 1 || g <= 0 || returnCelsius <= units.setpoint[i]) continue;
    if (g * (returnCelsius - units.setpoint[i]) >= units.capacity[i]) saturated += units.capacity[i];
    else {
      linearG += g;
      linearGSet += g * units.setpoint[i];
    }
  }
  const k = linearG + u;
  const a = itWatts - saturated + linearGSet + u * room.ambientCelsius;
  let next: number;
  let integral: number;
  if (k > 0) {
    const equilibrium = a / k;
    const x = (h * k) / c;
    // −expm1(−x)/x keeps ∫T exact when k is tiny (x → 0).
    const share = x > 0 ? -Math.expm1(-x) / x : 1;
    next = equilibrium + (returnCelsius - equilibrium) * Math.exp(-x);
    integral = equilibrium * h + (returnCelsius - equilibrium) * h * share;
  } else {
    next = returnCelsius + (a * h) / c;
    integral = returnCelsius * h + (a * h * h) / (2 * c);
  }
  return {
    returnCelsius: next,
    removedJoules: saturated * h + linearG * integral - linearGSet * h,
    envelopeJoules: u * (integral - room.ambientCelsius * h),
  };
}
