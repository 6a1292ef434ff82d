/** Runs the built `twinops collector` as a separate process, as a user starts it, for tests that kill or share it. */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const bin = join(__dirname, '../../bin/twinops.js');

export interface CollectorProcess {
  child: ChildProcessWithoutNullStreams;
  /** http://127.0.0.1:PORT of the OTLP/HTTP receiver */
  otlpHttpUrl: string;
  /** 127.0.0.1:PORT of the OTLP/gRPC receiver */
  otlpGrpcAddress: string;
  /** http://127.0.0.1:PORT */
  apiUrl: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/**
 * Starts `twinops collector` with ephemeral loopback ports plus `env` (TWINOPS_* overrides) and
 * resolves once it has printed its endpoints; rejects with its stderr if it exits first.
 */
export async function startCollectorProcess(env: Record<string, string>, args: string[] = []): Promise<CollectorProcess> {
  const child = spawn(process.execPath, [bin, 'collector', ...args], {
    env: {
      PATH: process.env.PATH,
      TWINOPS_RECEIVERS__OTLP__HTTP__ENDPOINT: '127.0.0.1:0',
      TWINOPS_RECEIVERS__OTLP__GRPC__ENDPOINT: '127.0.0.1:0',
      TWINOPS_API__ENDPOINT: '127.0.0.1:0',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Metrics')) resolve();
    });
    void exited.then((code) => reject(new Error(`the collector exited (${code}) before serving:\n${stderr}`)));
  });
  const match = (pattern: RegExp) => pattern.exec(stdout)?.[1] ?? '';
  return {
    child,
    otlpHttpUrl: match(/OTLP\/HTTP {2}(http:\/\/\S+)/),
    otlpGrpcAddress: match(/OTLP\/gRPC {2}(\S+)/),
    apiUrl: match(/API {8}(http:\/\/\S+)\/api\/v1/),
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
  };
}
