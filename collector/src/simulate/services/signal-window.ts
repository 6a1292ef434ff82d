import type { SignalPoint, TwinReader } from '../../model';

/** Reading the calibration window of a signal, and the attribute labels carried in signal names. */

export interface Window {
  from: number;
  to: number;
}

/** The points of a signal inside the window (empty when the signal is unknown). */
export function windowPoints(twin: TwinReader, entity: string, name: string, window: Window): SignalPoint[] {
  return twin.signalHistory({ entity, name, from: window.from, to: window.to })?.points.filter((p) => Number.isFinite(p.v)) ?? [];
}

/** Mean of a signal over the window; undefined without points. */
export function windowMean(twin: TwinReader, entity: string, name: string, window: Window): number | undefined {
  const points = windowPoints(twin, entity, name, window);
  if (points.length === 0) return undefined;
  return points.reduce((sum, p) => sum + p.v, 0) / points.length;
}

/**
 * Splits `base{k="v",…}` into its base name and labels; a name without braces has no labels.
 * Values are JSON-style quoted strings, so escaped quotes inside them survive.
 */
export function parseSignalName(name: string): { base: string; labels: Record<string, string> } {
  const open = name.indexOf('{');
  if (open < 0 || !name.endsWith('}')) return { base: name, labels: {} };
  const labels: Record<string, string> = {};
  const pattern = /([^=,{}]+)=("(?:[^"\\]|\\.)*")/g;
  for (const match of name.slice(open + 1, -1).matchAll(pattern)) {
    try {
      labels[match[1].trim()] = JSON.parse(match[2]) as string;
    } catch {
      labels[match[1].trim()] = match[2].slice(1, -1);
    }
  }
  return { base: name.slice(0, open), labels };
}

/** The signals of an entity whose base name is `base`, with their labels. */
export function signalsNamed(twin: TwinReader, entity: string, base: string): { name: string; labels: Record<string, string> }[] {
  const detail = twin.getEntity(entity);
  if (!detail) return [];
  const found: { name: string; labels: Record<string, string> }[] = [];
  for (const s of detail.signals) {
    const parsed = parseSignalName(s.name);
    if (parsed.base === base) found.push({ name: s.name, labels: parsed.labels });
  }
  return found;
}
