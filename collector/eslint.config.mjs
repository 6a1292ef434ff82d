import { workspaceConfig } from '../eslint.base.mjs';

export default workspaceConfig(['dist-bench/**', 'bin/**']);
