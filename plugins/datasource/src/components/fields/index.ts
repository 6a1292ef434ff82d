/** Inputs shared by the editors (commit-on-blur text, numbers, levels) and the checks of what users type. */
export { CommitInput } from './CommitInput';
export type { CommitInputProps } from './CommitInput';
export { CommitTextArea } from './CommitTextArea';
export type { CommitTextAreaProps } from './CommitTextArea';
export { LevelField } from './LevelField';
export type { LevelFieldProps } from './LevelField';
export { NumberInput } from './NumberInput';
export type { NumberInputProps } from './NumberInput';
export { useCommit } from './use-commit';
export type { CommitState } from './use-commit';
export {
  apiUrlError,
  attributesError,
  durationError,
  durationMs,
  hasVariable,
  instantError,
  numberError,
  scenarioError,
} from './validation';
export type { NumberRules } from './validation';
