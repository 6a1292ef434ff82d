/** NAB (Numenta Anomaly Benchmark) scoring in TypeScript: corpus and result files, windows, profiles, threshold sweep, normalised scores. */
export { scaledSigmoid, MAX_TP_WEIGHT } from './scaled-sigmoid';
export { NAB_PROFILES, PROBATION_PERCENT, probationLength } from './nab-profiles';
export type { NabProfile } from './nab-profiles';
export { labelRows, OUTSIDE, PROBATION } from './label-points';
export type { NabWindow, LabelledRows } from './label-points';
export { sweepThresholds, bestThreshold } from './threshold-sweep';
export type { CorpusRows, ThresholdScore } from './threshold-sweep';
export { scoreNabCorpus } from './score-corpus';
export type { ScoredFile, NabProfileScore } from './score-corpus';
export { readNabCorpus, readNabCsv } from './nab-corpus';
export type { NabCorpusFile } from './nab-corpus';
export { parseNabTimestamp } from './nab-timestamp';
export { resultPath, writeResultFile, readResultScores } from './result-files';
