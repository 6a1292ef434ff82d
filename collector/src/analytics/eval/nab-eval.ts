/**
 * `twinops eval nab --data DIR --windows FILE --out RESULTS_DIR [--detector NAME]`: runs the
 * streaming anomaly detector over a NAB-format corpus (a fresh detector per file, fixed
 * defaults), writes NAB-format results, reads them back, scores them with the NAB scorer and
 * prints the normalised score of each profile.
 */
import { createAnomalyDetector } from '../anomaly';
import { NAB_PROFILES, readNabCorpus, readResultScores, resultPath, scoreNabCorpus, writeResultFile } from '../nab';
import type { ScoredFile } from '../nab';
import type { EvalIo } from './eval-io';

const USAGE = 'usage: twinops eval nab --data DIR --windows FILE --out RESULTS_DIR [--detector NAME]';

export async function runNabEval(argv: string[], io: EvalIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}\n`);
    return 2;
  }
  try {
    const started = Date.now();
    const corpus = readNabCorpus(args.data, args.windows);
    const scored: ScoredFile[] = [];
    for (const file of corpus) {
      const detector = createAnomalyDetector();
      const scores = file.values.map((v, i) => detector.update(file.timestamps[i], v).score);
      const path = resultPath(args.out, args.detector, file.key);
      writeResultFile(path, file.timestampText, file.values, scores);
      const back = readResultScores(path);
      scored.push({ key: file.key, timestamps: file.timestamps, scores: back.scores, windows: file.windows });
    }
    const results = scoreNabCorpus(scored, NAB_PROFILES);
    io.out(`NAB: ${corpus.length} files, ${scored.reduce((n, f) => n + f.scores.length, 0)} rows, detector "${args.detector}"\n`);
    for (const r of results) {
      io.out(`${r.profile.padEnd(20)} ${r.score.toFixed(2).padStart(6)}  (threshold ${r.threshold.toFixed(4)}, raw ${r.raw.toFixed(2)}, null ${r.nullRaw.toFixed(2)}, perfect ${r.perfectRaw.toFixed(2)})\n`);
    }
    io.out(`results in ${args.out}/${args.detector}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } catch (e) {
    io.err(`eval nab: ${(e as Error).message}\n`);
    return 1;
  }
}

interface NabEvalArgs {
  data: string;
  windows: string;
  out: string;
  detector: string;
}

/** The options, or an error message naming the flag. */
export function parseArgs(argv: string[]): NabEvalArgs | string {
  const found: Record<string, string> = { detector: 'twinops' };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const name = flag.startsWith('--') ? flag.slice(2) : '';
    if (!['data', 'windows', 'out', 'detector'].includes(name)) return `eval nab: unknown option "${flag}"`;
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return `eval nab: ${flag}: missing value`;
    found[name] = value;
  }
  for (const name of ['data', 'windows', 'out']) if (found[name] === undefined) return `eval nab: --${name}: required`;
  if (!/^[A-Za-z0-9-]+$/.test(found.detector)) return `eval nab: --detector: letters, digits and "-" only (NAB splits names on "_"), got "${found.detector}"`;
  return { data: found.data, windows: found.windows, out: found.out, detector: found.detector };
}
