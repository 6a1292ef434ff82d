import React, { useId, useState } from 'react';
import { Field, FieldSet, Input, SecretInput } from '@grafana/ui';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import type { TwinDataSourceOptions, TwinSecureJsonData } from '../types';
import { apiUrlError } from './fields';

export type ConfigEditorProps = DataSourcePluginOptionsEditorProps<TwinDataSourceOptions, TwinSecureJsonData>;

/**
 * The datasource settings: the collector URL (plain jsonData, which the data proxy route reads)
 * and the API token (secureJsonData: encrypted by Grafana and only ever added server-side).
 */
export function ConfigEditor({ options, onOptionsChange }: ConfigEditorProps) {
  const urlId = useId();
  const tokenId = useId();
  const jsonData = options.jsonData ?? {};
  const apiUrl = jsonData.apiUrl ?? '';
  // An empty field is only an error once the user has left it, not on a fresh form.
  const [touched, setTouched] = useState(false);
  const urlProblem = apiUrl === '' && !touched ? undefined : apiUrlError(apiUrl.trim());

  const setApiUrl = (value: string) => {
    onOptionsChange({ ...options, jsonData: { ...jsonData, apiUrl: value } });
  };
  const leaveApiUrl = () => {
    setTouched(true);
    // A trailing slash would double the slash before /api/v1 in every proxied request.
    const normalized = apiUrl.trim().replace(/\/+$/, '');
    if (normalized !== apiUrl) {
      setApiUrl(normalized);
    }
  };
  const setToken = (value: string) => {
    onOptionsChange({ ...options, secureJsonData: { ...options.secureJsonData, apiToken: value } });
  };
  const resetToken = () => {
    onOptionsChange({
      ...options,
      secureJsonFields: { ...options.secureJsonFields, apiToken: false },
      secureJsonData: { ...options.secureJsonData, apiToken: '' },
    });
  };

  return (
    <FieldSet label="TwinOps collector">
      <Field
        label="Collector URL"
        description="The base URL of the TwinOps collector's API as Grafana's server reaches it, e.g. http://twinops:8088. Grafana's data proxy forwards the panels' requests there."
        required
        invalid={urlProblem !== undefined}
        error={urlProblem}
      >
        <Input
          id={urlId}
          width={60}
          value={apiUrl}
          placeholder="http://twinops:8088"
          onChange={(event) => setApiUrl(event.currentTarget.value)}
          onBlur={leaveApiUrl}
        />
      </Field>
      <Field
        label="API token"
        description={
          <>
            A collector token with the read scope; leave empty when the collector has no tokens configured. Grafana
            keeps it encrypted and its data proxy adds it on the server as an <code>Authorization: Bearer</code> header,
            so the token never reaches the browser. Once saved it shows as configured: Reset to replace it.
          </>
        }
      >
        <SecretInput
          id={tokenId}
          width={60}
          isConfigured={options.secureJsonFields?.apiToken === true}
          value={options.secureJsonData?.apiToken ?? ''}
          placeholder="collector API token"
          onChange={(event) => setToken(event.currentTarget.value)}
          onReset={resetToken}
        />
      </Field>
    </FieldSet>
  );
}
