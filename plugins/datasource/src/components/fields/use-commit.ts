import { useState } from 'react';

/** What a commit-on-blur field needs: the text being edited, its error, and the handlers. */
export interface CommitState {
  draft: string;
  error: string | undefined;
  change: (text: string) => void;
  commit: () => void;
}

/**
 * Keeps a draft of a query field and commits it on blur, so the query (and a collector request)
 * runs once per edit instead of once per keystroke. Trimmed empty text commits `undefined`, which
 * removes the field; invalid text stays in the box with its error and is not committed.
 */
export function useCommit(
  value: string | undefined,
  onCommit: (text: string | undefined) => void,
  validate?: (text: string) => string | undefined
): CommitState {
  const [draft, setDraft] = useState(value ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const [shown, setShown] = useState(value);
  // The query changed from outside (another editor, undo, a query type switch): show its value.
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? '');
    setError(undefined);
  }

  const commit = () => {
    const text = draft.trim();
    const problem = text === '' ? undefined : validate?.(text);
    setError(problem);
    const next = text === '' ? undefined : text;
    if (problem === undefined && next !== value) {
      onCommit(next);
    }
  };
  return { draft, error, change: setDraft, commit };
}
