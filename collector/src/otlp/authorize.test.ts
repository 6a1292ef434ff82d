import { authFailure } from './authorize';
import type { AuthDecision } from '../model';

describe('authFailure', () => {
  it.each<[AuthDecision | 'none', string | undefined]>([
    ['none', undefined],
    ['ok', undefined],
    ['unauthenticated', 'unauthenticated'],
    ['forbidden', 'forbidden'],
  ])('%s → %s', (decision, kind) => {
    const seen: unknown[] = [];
    const authorize =
      decision === 'none'
        ? undefined
        : (header: string | undefined, scope: string) => {
            seen.push(header, scope);
            return decision;
          };
    expect(authFailure(authorize, 'Bearer t')?.kind).toBe(kind);
    if (authorize) expect(seen).toEqual(['Bearer t', 'write']);
  });
});
