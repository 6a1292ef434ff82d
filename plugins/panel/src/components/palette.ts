import type { GrafanaTheme2 } from '@grafana/data';
import type { Health, Level } from '../model';

/** Theme colour of a health status: the same words as Grafana's own status colours, so both themes read right. */
export function healthColor(theme: GrafanaTheme2, health: Health): string {
  switch (health) {
    case 'ok':
      return theme.colors.success.main;
    case 'degraded':
      return theme.colors.warning.main;
    case 'failing':
      return theme.colors.error.main;
    default:
      return theme.colors.text.secondary;
  }
}

/** Theme colour of a rack level. */
export function levelColor(theme: GrafanaTheme2, level: Level): string {
  return healthColor(theme, level === 'warn' ? 'degraded' : level === 'crit' ? 'failing' : level);
}

export type ErrorClass = 'none' | 'ok' | 'warn' | 'crit';

/** Edge colour class by error ratio: 1 % and 5 % are where error budgets of 99 % and 95 % objectives burn. */
export function errorClass(errorRatio: number | undefined): ErrorClass {
  if (errorRatio === undefined || !Number.isFinite(errorRatio)) {
    return 'none';
  }
  return errorRatio < 0.01 ? 'ok' : errorRatio < 0.05 ? 'warn' : 'crit';
}

export function errorClassColor(theme: GrafanaTheme2, cls: ErrorClass): string {
  return cls === 'none' ? theme.colors.border.strong : levelColor(theme, cls);
}
