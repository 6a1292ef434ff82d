import { join } from 'path';
import { describeBuiltPlugin } from '../test/plugin-checks';

describeBuiltPlugin(join(__dirname, '..'), ['@grafana/data', '@grafana/runtime', '@grafana/ui', 'react', 'rxjs']);
