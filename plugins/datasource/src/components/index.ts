/** The datasource's React editors: settings, queries and template variable queries. */
export { ConfigEditor } from './ConfigEditor';
export type { ConfigEditorProps } from './ConfigEditor';
export { QueryEditor } from './QueryEditor';
export type { TwinQueryEditorProps } from './QueryEditor';
export { VariableQueryEditor, variableDefinition } from './VariableQueryEditor';
export type { VariableQueryEditorProps } from './VariableQueryEditor';
