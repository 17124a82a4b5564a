import { ChildProcess, spawn } from 'child_process';

import type { RequestCountsSnapshot } from '../../sandbox/server/requestCounts';
import { Cleanup } from './cleanup';
import { REPO_ROOT } from './paths';

export interface RunningSandbox {
  base: string;
  /** From spawning the process to its "listening" line: seed parsing included. */
  startMs: number;
  requestCounts(): Promise<RequestCountsSnapshot>;
  clearRequestCounts(): Promise<void>;
  stop(): Promise<void>;
}

const READY = /^Grafana sandbox .* on http:\/\/localhost:(\d+)\//m;

/** Starts sandbox/server/main.ts on a free port with --test-hooks and --quiet, in its own Node process. */
export async function startSandbox(seedPath: string, latencyMs: number, cleanup: Cleanup): Promise<RunningSandbox> {
  const started = performance.now();
  const args = ['--import', 'tsx', 'sandbox/server/main.ts', '--seed', seedPath, '--port', '0'];
  const child = spawn(process.execPath, [...args, '--latency', String(latencyMs), '--test-hooks', '--quiet'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => stopProcess(child);
  cleanup.add('the sandbox', stop);
  const port = await waitForPort(child);
  const base = `http://127.0.0.1:${port}`;
  const hook = async (method: string, path: string) => {
    const res = await fetch(base + path, { method });
    if (!res.ok) {
      throw new Error(`${method} ${path}: ${res.status} (is the sandbox running with --test-hooks?)`);
    }
    return res.json();
  };
  return {
    base,
    startMs: performance.now() - started,
    requestCounts: () => hook('GET', '/__sandbox/stats'),
    clearRequestCounts: async () => void (await hook('POST', '/__sandbox/stats/clear')),
    stop,
  };
}

function waitForPort(child: ChildProcess): Promise<number> {
  let output = '';
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      const ready = READY.exec(output);
      if (ready) {
        resolve(Number(ready[1]));
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code, signal) =>
      reject(new Error(`The sandbox stopped before listening (${signal ?? `exit ${code}`}):\n${output.trim()}`))
    );
    child.once('error', reject);
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
