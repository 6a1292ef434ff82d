/** The three application profiles of NAB 1.x (config/profiles.json): weights of true positives, false positives and false negatives. */

export interface NabProfile {
  name: string;
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

export const NAB_PROFILES: readonly NabProfile[] = [
  { name: 'standard', tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  { name: 'reward_low_FP_rate', tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  { name: 'reward_low_FN_rate', tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
];

/** Share of each file (at most 15% of 5000 rows) that detectors may use to learn, never scored. */
export const PROBATION_PERCENT = 0.15;

/** Rows of a file of `rows` rows that belong to its probationary period. */
export function probationLength(rows: number, percent = PROBATION_PERCENT): number {
  return Math.min(Math.floor(percent * rows), percent * 5000);
}
