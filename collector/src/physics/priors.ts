/**
 * Physical constants and the priors used where telemetry cannot tell (no return-air sensor, no
 * envelope measurement) or has not moved enough to fit. Typical values for a small hall.
 */

/** Volumetric heat capacity of air, J/(m³·K): 1 CFM carries about 0.57 W/K. */
export const AIR_HEAT_CAPACITY_JOULES_PER_CUBIC_METRE_KELVIN = 1200;
/** Walls and floor exchange with the building around the hall. */
export const PRIOR_ENVELOPE_WATTS_PER_KELVIN = 100;
export const PRIOR_AMBIENT_CELSIUS = 25;
/** Room return-air time constant C / (ΣG + U) when nothing says otherwise: about a minute. */
export const PRIOR_ROOM_TIME_CONSTANT_SECONDS = 60;
/** Rack inlet lag: minutes (rack and cold-aisle thermal mass). */
export const PRIOR_INLET_TAU_SECONDS = 300;
/** A CRAC's airflow when its inventory gives none: enough to carry its capacity at a 12 K rise. */
export const PRIOR_CRAC_DESIGN_RISE_KELVIN = 12;
export const PRIOR_CRAC_CAPACITY_WATTS = 20_000;
export const PRIOR_CRAC_SETPOINT_CELSIUS = 18;
/** Compressor COP at the setpoint and its rise per K of warmer supply. */
export const PRIOR_COP_AT_SETPOINT = 3;
export const PRIOR_COP_PER_KELVIN = 0.1;
/** CRAC fan power at full speed as a share of capacity. */
export const PRIOR_CRAC_FAN_SHARE = 0.05;
/** Recirculation prior: K per W on the server's own rack, halving per rack of distance. */
export const PRIOR_RECIRCULATION_SELF_KELVIN_PER_WATT = 0.0006;
/** Server power when the inventory gives no nameplate: idle is this share of the largest reading. */
export const PRIOR_IDLE_SHARE_OF_MAX = 0.6;
