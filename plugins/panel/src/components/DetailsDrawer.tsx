import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { IconButton, LoadingPlaceholder, Text, useStyles2, useTheme2 } from '@grafana/ui';
import type { TwinClient } from '@twinops/datasource/src/api';
import {
  AnomaliesSection,
  EventsSection,
  ForecastSection,
  RootCauseSection,
  SignalsSection,
  type Range,
} from './DetailsSections';
import { healthColor } from './palette';
import { useAsync } from './use-async';
import { messageOf } from './use-floor-plan';

export interface DetailsDrawerProps {
  client: TwinClient;
  entityId: string;
  /** The panel's time range (epoch ms): sparklines, anomalies and events cover it. */
  range: Range;
  onClose: () => void;
}

/** The selected entity's signals, forecast, anomalies, root cause and events, beside the view. */
export function DetailsDrawer({ client, entityId, range, onClose }: DetailsDrawerProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const detail = useAsync((signal) => client.getEntity(entityId, { signal }), [client, entityId]);
  const entity = detail.value;
  // The first signal the collector analyses (it has an anomaly score) is the one worth forecasting.
  const analysed = entity?.signals.find((s) => s.anomaly !== undefined)?.name ?? entity?.signals[0]?.name;

  return (
    <aside className={styles.drawer} aria-label={`Details of ${entity?.name ?? entityId}`}>
      <div className={styles.header}>
        <Text element="h4" truncate>
          {entity?.name ?? entityId}
        </Text>
        <IconButton name="times" aria-label="Close details" onClick={onClose} />
      </div>
      {detail.loading && <LoadingPlaceholder text="Loading the entity…" />}
      {!detail.loading && !entity && <Text color="error">{messageOf(detail.error)}</Text>}
      {entity && (
        <>
          <Text color="secondary">
            {entity.type} · {entity.level}
            {entity.health && (
              <>
                {' · '}
                <span style={{ color: healthColor(theme, entity.health.status) }}>health {entity.health.status}</span>
              </>
            )}
          </Text>
          {entity.health?.reasons.map((r, i) => (
            <Text key={i} element="p" color="secondary">
              {r.message}
            </Text>
          ))}
          <Section title="Signals">
            <SignalsSection client={client} entity={entity.id} signals={entity.signals} range={range} />
          </Section>
          <Section title="Forecast">
            <ForecastSection client={client} entity={entity.id} signal={analysed} />
          </Section>
          <Section title="Anomalies">
            <AnomaliesSection client={client} entity={entity.id} range={range} />
          </Section>
          <Section title="Root cause">
            <RootCauseSection
              key={entity.id}
              client={client}
              entity={entity.id}
              signals={entity.signals.map((s) => s.name)}
            />
          </Section>
          <Section title="Events">
            <EventsSection client={client} entity={entity.id} range={range} />
          </Section>
        </>
      )}
    </aside>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const styles = useStyles2(getStyles);
  return (
    <section className={styles.section} aria-label={title}>
      <Text element="h5">{title}</Text>
      {children}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  drawer: css({
    width: 360,
    flexShrink: 0,
    height: '100%',
    overflow: 'auto',
    padding: theme.spacing(1),
    borderLeft: `1px solid ${theme.colors.border.weak}`,
    background: theme.colors.background.primary,
    'ul, ol': { paddingLeft: theme.spacing(2) },
  }),
  header: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: theme.spacing(1) }),
  section: css({ marginTop: theme.spacing(2) }),
});
