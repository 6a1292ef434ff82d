import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { formattedValueToString, getValueFormat, type GrafanaTheme2 } from '@grafana/data';
import { Label, RadioButtonGroup, Slider, Text, useStyles2 } from '@grafana/ui';
import type { SimulationResult } from '@twinops/datasource/src/api';
import { kpiChanges, type KpiChange } from '../model';
import { formatOnset } from './overlay';

export interface WhatIfResultsProps {
  result: SimulationResult;
  /** Index into result.timestamps the view shows. */
  index: number;
  onIndex: (index: number) => void;
  after: boolean;
  onAfter: (after: boolean) => void;
}

/** A KPI value in its Grafana unit (the model names units by Grafana's unit ids). */
function format(value: number, unit: string): string {
  return Number.isFinite(value) ? formattedValueToString(getValueFormat(unit)(value, 2)) : '–';
}
const signed = (v: number, unit: string) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${format(Math.abs(v), unit)}`;

/** What the simulation predicts: violations with onsets, KPI changes, and the time and before/after of the overlay. */
export function WhatIfResults({ result, index, onIndex, after, onAfter }: WhatIfResultsProps) {
  const styles = useStyles2(getStyles);
  const kpis = useMemo(() => kpiChanges(result), [result]);
  const last = Math.max(0, result.timestamps.length - 1);
  const at = result.timestamps[Math.min(index, last)] ?? result.start;
  return (
    <div className={styles.box}>
      <RadioButtonGroup<boolean>
        size="sm"
        aria-label="Before or after"
        options={[
          { value: false, label: 'Before' },
          { value: true, label: 'After' },
        ]}
        value={after}
        onChange={onAfter}
      />
      {last > 0 && (
        <div>
          <Label htmlFor="twinops-whatif-time" description={`The view shows ${formatOnset(at, result.start)}`}>
            Time in the horizon (step)
          </Label>
          <Slider inputId="twinops-whatif-time" min={0} max={last} step={1} value={index} onChange={onIndex} />
        </div>
      )}
      <Text element="h5">Violations</Text>
      {result.violations.length === 0 ? (
        <Text color="success">No predicted violations within the horizon.</Text>
      ) : (
        <table className={styles.table} aria-label="Predicted violations">
          <thead>
            <tr>
              <th>Onset</th>
              <th>Entity</th>
              <th>Kind</th>
              <th>Baseline</th>
            </tr>
          </thead>
          <tbody>
            {result.violations.map((v) => (
              <tr key={`${v.entity}-${v.kind}`}>
                <td>{formatOnset(v.onset, result.start)}</td>
                <td>{v.entity}</td>
                <td>{v.kind}</td>
                <td>{v.baselineOnset === null ? 'new' : `also at ${formatOnset(v.baselineOnset, result.start)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Text element="h5">KPI changes</Text>
      <table className={styles.table} aria-label="KPI changes">
        <thead>
          <tr>
            <th>KPI</th>
            <th>Before</th>
            <th>After</th>
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((k: KpiChange) => (
            <tr key={k.key}>
              <td>{k.name}</td>
              <td>{format(k.baseline, k.unit)}</td>
              <td>{format(k.predicted, k.unit)}</td>
              <td>{signed(k.delta, k.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.unmodelled.length > 0 && <Text color="secondary">Not modelled: {result.unmodelled.join('; ')}</Text>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  table: css({ width: '100%', 'th, td': { textAlign: 'left', padding: theme.spacing(0.25, 0.5) } }),
});
