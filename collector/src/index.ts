/** @twinops/collector: the TwinOps twin engine as a library (the `twinops` command wraps it). */
export { createCollector, loadCollectorConfig, collectorConfigSchema } from './collector';
export type { Collector, CollectorConfig, CollectorEndpoints, CollectorSettings } from './collector';
export { VERSION } from './version';
