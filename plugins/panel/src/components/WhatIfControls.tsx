import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  Button,
  Combobox,
  IconButton,
  Input,
  Label,
  Slider,
  Stack,
  Text,
  useStyles2,
  type ComboboxOption,
} from '@grafana/ui';
import type { FloorCrac, WhatIfState } from '../model';

export interface WhatIfControlsProps {
  state: WhatIfState;
  onChange: (state: WhatIfState) => void;
  services: ComboboxOption[];
  entities: ComboboxOption[];
  racks: ComboboxOption[];
  cracs: FloorCrac[];
  selected?: string;
}

const without = <T,>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _, ...rest } = record;
  return rest;
};
const parse = (text: string): number | undefined =>
  text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);

/** The what-if changes: load, failures, cooling, workload moves and added servers. */
export function WhatIfControls({ state, onChange, services, entities, racks, cracs, selected }: WhatIfControlsProps) {
  const styles = useStyles2(getStyles);
  const [service, setService] = useState<string | null>(null);
  const [serviceFactor, setServiceFactor] = useState('1.5');
  const [toFail, setToFail] = useState<string | null>(null);
  const [move, setMove] = useState<{ from: string | null; to: string | null; fraction: string }>({
    from: null,
    to: null,
    fraction: '0.5',
  });
  const [add, setAdd] = useState<{ rack: string | null; count: string }>({ rack: null, count: '1' });
  const update = (patch: Partial<WhatIfState>) => onChange({ ...state, ...patch });
  const fail = (id: string) => !state.failed.includes(id) && update({ failed: [...state.failed, id] });
  const label = (options: ComboboxOption[], id: string) => options.find((o) => o.value === id)?.label ?? id;

  return (
    <Stack direction="column" gap={2}>
      <div>
        <Label htmlFor="twinops-whatif-site">Site load factor</Label>
        <Slider
          inputId="twinops-whatif-site"
          min={0}
          max={3}
          step={0.1}
          value={state.loadFactors.site ?? 1}
          onChange={(v) =>
            update({ loadFactors: v === 1 ? without(state.loadFactors, 'site') : { ...state.loadFactors, site: v } })
          }
        />
      </div>
      <div>
        <Label>Service load factor</Label>
        <Stack gap={1}>
          <Combobox
            aria-label="Service"
            width={20}
            options={services}
            value={service}
            onChange={(o) => setService(o?.value ?? null)}
          />
          <Input
            aria-label="Service factor"
            width={8}
            type="number"
            value={serviceFactor}
            onChange={(e) => setServiceFactor(e.currentTarget.value)}
          />
          <Button
            size="sm"
            variant="secondary"
            disabled={!service || parse(serviceFactor) === undefined}
            onClick={() =>
              service && update({ loadFactors: { ...state.loadFactors, [service]: parse(serviceFactor) ?? 1 } })
            }
          >
            Set
          </Button>
        </Stack>
        {Object.entries(state.loadFactors)
          .filter(([k]) => k !== 'site')
          .map(([k, v]) => (
            <Item
              key={k}
              text={`${label(services, k)} × ${v}`}
              onRemove={() => update({ loadFactors: without(state.loadFactors, k) })}
            />
          ))}
      </div>
      <div>
        <Label>Fail</Label>
        <Stack gap={1} wrap="wrap">
          {selected && (
            <Button
              size="sm"
              variant="destructive"
              disabled={state.failed.includes(selected)}
              onClick={() => fail(selected)}
            >
              Fail {label(entities, selected)}
            </Button>
          )}
          <Combobox
            aria-label="Entity to fail"
            width={20}
            options={entities}
            value={toFail}
            onChange={(o) => setToFail(o?.value ?? null)}
          />
          <Button size="sm" variant="secondary" disabled={!toFail} onClick={() => toFail && fail(toFail)}>
            Fail
          </Button>
        </Stack>
        {state.failed.map((id) => (
          <Item
            key={id}
            text={`${label(entities, id)} failed`}
            onRemove={() => update({ failed: state.failed.filter((f) => f !== id) })}
          />
        ))}
      </div>
      {cracs.length > 0 && (
        <div>
          <Label description="Empty keeps the current value">Cooling</Label>
          {cracs.map((c) => (
            <Stack key={c.id} gap={1} alignItems="center">
              <Text>{c.name}</Text>
              <Input
                aria-label={`Setpoint °C of ${c.name}`}
                placeholder="setpoint °C"
                width={12}
                type="number"
                value={state.cracSetpoints[c.id] ?? ''}
                onChange={(e) => {
                  const v = parse(e.currentTarget.value);
                  update({
                    cracSetpoints:
                      v === undefined ? without(state.cracSetpoints, c.id) : { ...state.cracSetpoints, [c.id]: v },
                  });
                }}
              />
              <Input
                aria-label={`Fan speed of ${c.name}`}
                placeholder="fan 0–1"
                width={10}
                type="number"
                value={state.cracFanSpeeds[c.id] ?? ''}
                onChange={(e) => {
                  const v = parse(e.currentTarget.value);
                  update({
                    cracFanSpeeds:
                      v === undefined ? without(state.cracFanSpeeds, c.id) : { ...state.cracFanSpeeds, [c.id]: v },
                  });
                }}
              />
            </Stack>
          ))}
        </div>
      )}
      {racks.length > 0 && (
        <div>
          <Label>Move load between racks</Label>
          <Stack gap={1} wrap="wrap">
            <Combobox
              aria-label="Move from rack"
              width={14}
              options={racks}
              value={move.from}
              onChange={(o) => setMove({ ...move, from: o?.value ?? null })}
            />
            <Combobox
              aria-label="Move to rack"
              width={14}
              options={racks}
              value={move.to}
              onChange={(o) => setMove({ ...move, to: o?.value ?? null })}
            />
            <Input
              aria-label="Fraction to move"
              width={8}
              type="number"
              value={move.fraction}
              onChange={(e) => setMove({ ...move, fraction: e.currentTarget.value })}
            />
            <Button
              size="sm"
              variant="secondary"
              disabled={!move.from || !move.to || move.from === move.to || parse(move.fraction) === undefined}
              onClick={() =>
                move.from &&
                move.to &&
                update({
                  moves: [...state.moves, { from: move.from, to: move.to, fraction: parse(move.fraction) ?? 0 }],
                })
              }
            >
              Add move
            </Button>
          </Stack>
          {state.moves.map((m, i) => (
            <Item
              key={i}
              text={`${Math.round(m.fraction * 100)} % ${label(racks, m.from)} → ${label(racks, m.to)}`}
              onRemove={() => update({ moves: state.moves.filter((_, j) => j !== i) })}
            />
          ))}
          <Label className={styles.spaced}>Add servers</Label>
          <Stack gap={1}>
            <Combobox
              aria-label="Rack to add servers to"
              width={14}
              options={racks}
              value={add.rack}
              onChange={(o) => setAdd({ ...add, rack: o?.value ?? null })}
            />
            <Input
              aria-label="Servers to add"
              width={8}
              type="number"
              value={add.count}
              onChange={(e) => setAdd({ ...add, count: e.currentTarget.value })}
            />
            <Button
              size="sm"
              variant="secondary"
              disabled={!add.rack || !(Number(add.count) >= 1)}
              onClick={() =>
                add.rack &&
                update({ additions: [...state.additions, { rack: add.rack, count: Math.round(Number(add.count)) }] })
              }
            >
              Add servers
            </Button>
          </Stack>
          {state.additions.map((a, i) => (
            <Item
              key={i}
              text={`+${a.count} in ${label(racks, a.rack)}`}
              onRemove={() => update({ additions: state.additions.filter((_, j) => j !== i) })}
            />
          ))}
        </div>
      )}
    </Stack>
  );
}

function Item({ text, onRemove }: { text: string; onRemove: () => void }) {
  return (
    <Stack gap={1} alignItems="center">
      <Text>{text}</Text>
      <IconButton name="times" size="sm" aria-label={`Remove ${text}`} onClick={onRemove} />
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  spaced: css({ marginTop: theme.spacing(1) }),
});
