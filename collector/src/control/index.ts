/** Changes the twin asks for: desired state, committed and audited before it is acknowledged. */
export { createDesiredState } from './desired-state';
export type { DesiredState, DesiredValues } from './desired-state';
