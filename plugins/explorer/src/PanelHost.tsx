import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { EventBus, PanelData, TimeRange } from '@grafana/data';
import { TopologyPanel } from '@twinops/panel/src/components';
import { DEFAULT_OPTIONS, type PanelOptions, type PanelView } from '@twinops/panel/src/types';
import { useElementSize } from './use-element-size';

export interface PanelHostProps {
  data: PanelData;
  range: TimeRange;
  view: PanelView;
  whatIf: boolean;
  eventBus: EventBus;
}

const noFieldConfig = { defaults: {}, overrides: [] };

/** The TwinOps panel with the props a dashboard would give it, sized to fill its box. */
export function PanelHost({ data, range, view, whatIf, eventBus }: PanelHostProps) {
  const [ref, size] = useElementSize<HTMLDivElement>();
  // The panel editor's options; the toolbar's view and what-if override them, the rest keep the defaults.
  const [stored, setStored] = useState<PanelOptions>(DEFAULT_OPTIONS);
  const options = useMemo(() => ({ ...stored, view, whatIf }), [stored, view, whatIf]);
  return (
    <div ref={ref} className={styles.box} data-testid="panel-host">
      {size.width > 0 && size.height > 0 && (
        <TopologyPanel
          id={1}
          title="TwinOps"
          data={data}
          timeRange={range}
          timeZone="browser"
          options={options}
          fieldConfig={noFieldConfig}
          transparent={false}
          width={size.width}
          height={size.height}
          renderCounter={0}
          eventBus={eventBus}
          onOptionsChange={setStored}
          onFieldConfigChange={() => undefined}
          replaceVariables={(value) => value}
          onChangeTimeRange={() => undefined}
        />
      )}
    </div>
  );
}

const styles = { box: css({ width: '100%', height: '100%', overflow: 'hidden' }) };
