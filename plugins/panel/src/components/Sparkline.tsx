import React from 'react';
import { useTheme2 } from '@grafana/ui';

export interface SparklineProps {
  values: ReadonlyArray<number | null>;
  width?: number;
  height?: number;
  label: string;
  color?: string;
}

/** A small line of a series' shape: nulls are gaps skipped over; a flat series is drawn mid-height. */
export function Sparkline({ values, width = 120, height = 28, label, color }: SparklineProps) {
  const theme = useTheme2();
  const points = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? undefined : { i, v }))
    .filter((p): p is { i: number; v: number } => p !== undefined);
  if (points.length === 0) {
    return <span>no points</span>;
  }
  const min = Math.min(...points.map((p) => p.v));
  const max = Math.max(...points.map((p) => p.v));
  const span = max - min;
  const last = Math.max(1, values.length - 1);
  const xy = points.map((p) => {
    const x = (p.i / last) * (width - 2) + 1;
    const y = span === 0 ? height / 2 : height - 1 - ((p.v - min) / span) * (height - 2);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  return (
    <svg width={width} height={height} role="img" aria-label={label}>
      <polyline points={xy.join(' ')} fill="none" stroke={color ?? theme.colors.primary.main} strokeWidth={1.5} />
    </svg>
  );
}
