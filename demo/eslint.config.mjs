import { workspaceConfig } from '../eslint.base.mjs';

export default workspaceConfig([]);
