/**
 * Benchmark entry point: `npx tsc -p tsconfig.bench.json && node dist-bench/bench/run.js`.
 * Prints each benchmark's figures measured in this run.
 */
import { runDecodeBench } from './decode-bench';
import { generateTraceRequests } from './generate-requests';

function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US');
}

function main(): void {
  const requests = generateTraceRequests({ requests: 200, seed: 42 });
  const mb = (requests.bytes / 1e6).toFixed(1);
  console.log(`decode: ${requests.bodies.length} ExportTraceServiceRequest bodies, ${requests.items} spans, ${mb} MB`);
  const result = runDecodeBench({ bodies: requests.bodies, spans: requests.items });
  console.log(`  ours       ${formatRate(result.ours.spansPerSecond)} spans/s  ${result.ours.megabytesPerSecond.toFixed(1)} MB/s`);
  console.log(
    `  protobufjs ${formatRate(result.protobufjs.spansPerSecond)} spans/s  ${result.protobufjs.megabytesPerSecond.toFixed(1)} MB/s`,
  );
  console.log(`  ratio (ours / protobufjs decode-only): ${result.ratio.toFixed(2)}x`);
}

main();
