/** What-if scenarios: the JSON a user writes (changes to the twin over a horizon) and its validation. */
export { parseScenario } from './parse-scenario';
export { SCENARIO_CHANGE_TYPES, SCENARIO_LIMITS } from './scenario-types';
export type { Scenario, ScenarioChange, ScenarioChangeType } from './scenario-types';
