import React, { useState } from 'react';
import { Alert, Button, FieldValidationMessage, IconButton, Input, Label, Stack, Text } from '@grafana/ui';
import type { SavedScenario, TwinClient } from '@twinops/datasource/src/api';
import { changeCount, scenarioFromWhatIf, whatIfFromScenario, type WhatIfState } from '../model';
import { statusOf } from './use-async';
import { messageOf } from './use-floor-plan';

export interface ScenarioLibraryProps {
  client: TwinClient;
  state: WhatIfState;
  /** A saved scenario chosen: its changes the controls can show. */
  onOpen: (state: WhatIfState) => void;
}

/** The collector's rule for names (collector/src/api/scenario-routes.ts); checked here to say so before the PUT. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The collector's message, and for 401/403 what to change: saving and deleting need the write scope. */
function failure(error: unknown): string {
  const status = statusOf(error);
  const hint =
    status === 401 || status === 403
      ? " — saving and deleting need a token with the write scope in the TwinOps datasource's settings."
      : '';
  return `${messageOf(error)}${hint}`;
}

/** "Save as…" the controls' scenario under a name, and "Open" one saved before. */
export function ScenarioLibrary({ client, state, onOpen }: ScenarioLibraryProps) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; keptOut?: string[] } | undefined>();
  const [error, setError] = useState<{ title: string; text: string } | undefined>();
  const [list, setList] = useState<SavedScenario[] | undefined>();

  const attempt = async (title: string, action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setNote(undefined);
    try {
      await action();
    } catch (e) {
      setError({ title, text: failure(e) });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    attempt('The scenario was not saved', async () => {
      const saved = await client.saveScenario(name, scenarioFromWhatIf(state));
      setNote({ text: `Saved "${saved.name}" (version ${saved.version})` });
      if (list) {
        setList((await client.listScenarios()).items);
      }
    });
  const showList = () =>
    attempt('The saved scenarios could not be listed', async () => {
      setList((await client.listScenarios()).items);
    });
  const remove = (target: string) =>
    attempt(`"${target}" was not deleted`, async () => {
      await client.deleteScenario(target);
      setList((await client.listScenarios()).items);
    });
  const open = (saved: SavedScenario) => {
    const opened = whatIfFromScenario(saved.scenario);
    onOpen(opened.state);
    setName(saved.name);
    setList(undefined);
    setError(undefined);
    setNote({ text: `Opened "${saved.name}" (version ${saved.version})`, keptOut: opened.unsupported });
  };
  const invalid = name !== '' && !NAME.test(name);

  return (
    <Stack direction="column" gap={1}>
      <div>
        <Label htmlFor="twinops-scenario-name">Save as…</Label>
        <Stack gap={1}>
          <Input
            id="twinops-scenario-name"
            aria-label="Scenario name"
            invalid={invalid}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button
            variant="secondary"
            icon="save"
            disabled={busy || name === '' || invalid || changeCount(state) === 0}
            onClick={save}
          >
            Save
          </Button>
          <Button
            variant="secondary"
            icon="folder-open"
            disabled={busy}
            onClick={list ? () => setList(undefined) : showList}
          >
            {list ? 'Close' : 'Open'}
          </Button>
        </Stack>
        {invalid && (
          <FieldValidationMessage>
            Letters, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;, starting with a letter or digit; up to 128
          </FieldValidationMessage>
        )}
      </div>
      {list && list.length === 0 && <Text color="secondary">No saved scenarios yet: make changes and save them.</Text>}
      {list && list.length > 0 && (
        <ul aria-label="Saved scenarios">
          {list.map((saved) => (
            <li key={saved.name}>
              <Stack gap={1} alignItems="center">
                <Button
                  size="sm"
                  variant="secondary"
                  fill="text"
                  aria-label={`Open ${saved.name}`}
                  onClick={() => open(saved)}
                >
                  {saved.name}
                </Button>
                <Text color="secondary">
                  v{saved.version} · {new Date(saved.updatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC
                </Text>
                <IconButton
                  name="trash-alt"
                  size="sm"
                  aria-label={`Delete ${saved.name}`}
                  disabled={busy}
                  onClick={() => remove(saved.name)}
                />
              </Stack>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <Alert severity="error" title={error.title}>
          {error.text}
        </Alert>
      )}
      {note && (!note.keptOut || note.keptOut.length === 0) && <Text>{note.text}</Text>}
      {note?.keptOut && note.keptOut.length > 0 && (
        <Alert severity="warning" title={note.text}>
          Kept out, as the controls cannot show them (saving again drops them): {note.keptOut.join(', ')}
        </Alert>
      )}
    </Stack>
  );
}
