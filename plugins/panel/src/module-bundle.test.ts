import { join } from 'path';
import { describeBuiltPlugin } from '../../datasource/test/plugin-checks';

describeBuiltPlugin(join(__dirname, '..'), ['@grafana/data', '@grafana/runtime', '@grafana/ui', 'react']);
