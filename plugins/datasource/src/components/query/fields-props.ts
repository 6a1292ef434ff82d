import type { TwinQuery } from '../../types';

/** Sets one field of the query (undefined removes it), then runs the query. */
export type CommitField = <K extends keyof TwinQuery>(key: K, value: TwinQuery[K] | undefined) => void;

/** Props of every per-type fields component of the query editor. */
export interface FieldsProps {
  query: TwinQuery;
  onCommit: CommitField;
}

/** The query with one field set, or removed when `value` is undefined (keeps saved JSON clean). */
export function withField<K extends keyof TwinQuery>(
  query: TwinQuery,
  key: K,
  value: TwinQuery[K] | undefined
): TwinQuery {
  const next: TwinQuery = { ...query };
  if (value === undefined) {
    delete next[key];
  } else {
    next[key] = value;
  }
  return next;
}
