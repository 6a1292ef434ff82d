import { DataSourcePlugin } from '@grafana/data';
import { ConfigEditor, QueryEditor } from './components';
import { DataSource } from './datasource';
import type { TwinDataSourceOptions, TwinQuery, TwinSecureJsonData } from './types';

/**
 * The plugin Grafana loads from dist/module.js: the datasource class and its editors. Variables
 * (DataSource.variables) and annotations (DataSource.annotations) bring their own editors.
 */
export const plugin = new DataSourcePlugin<DataSource, TwinQuery, TwinDataSourceOptions, TwinSecureJsonData>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
