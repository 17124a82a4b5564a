/**
 * npm run bench [-- options]: how the Sessions page reads a 100,000-user Grafana, against the sandbox with latency,
 * in Debian's Chromium; the same inventory read the naive way (every user, one by one) for comparison; and the
 * search box's response with ~20,000 sessions loaded. Progress goes to stderr, the figures (Markdown) to stdout.
 * See scripts/bench/options.ts for the options. package.json runs it with `node --import tsx`, not the tsx CLI: the
 * CLI kills its child outright when Ctrl-C is not acknowledged within 30 ms, which would cut the clean-up short.
 */
import { Browser } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { launchChromium } from './bench/browser';
import { measureBrowserFloor } from './bench/browserFloor';
import { ensureBuilt, moduleSize } from './bench/build';
import { Cleanup } from './bench/cleanup';
import { Keystroke, measureKeystrokes, median } from './bench/filter';
import { count, progress, seconds } from './bench/log';
import { describeMachine } from './bench/machine';
import { runNaive } from './bench/naive';
import { BenchOptions, readOptions } from './bench/options';
import { measurePage, withLoadedPage } from './bench/pageRun';
import { PlainChromium } from './bench/plainChromium';
import { BenchResults, markdown, Outcome } from './bench/report';
import { startSandbox } from './bench/sandbox';
import { SeedFile, writeSeed } from './bench/seeds';

async function main(options: BenchOptions, cleanup: Cleanup): Promise<boolean> {
  ensureBuilt(options.build);
  const dir = mkdtempSync(join(tmpdir(), 'sessioncontrol-bench-'));
  cleanup.add('the seeds', () => rmSync(dir, { recursive: true, force: true }));
  const chromium = await PlainChromium.launch(cleanup);
  const machine = describeMachine(await chromium.version());

  progress(`generating ${count(options.users)} users, ${count(options.active)} of them active`);
  const seed = writeSeed(dir, 'bench', options.users, options.active, options.sessionsPerActive);
  progress(
    `seed: ${count(seed.usersThatCanHoldSessions)} users can hold a session, ${count(seed.sessions)} sessions ` +
      `(${seconds(seed.generatedMs)})`
  );
  const sandbox = await startSandbox(seed.path, options.latencyMs, cleanup);
  // Read at start-up: the 50 MB file need not wait for the end (nor outlive a killed bench).
  rmSync(seed.path);
  progress(`sandbox on ${sandbox.base} with ${options.latencyMs} ms latency, started in ${seconds(sandbox.startMs)}`);

  progress('opening the Sessions page and waiting for its complete inventory');
  const page = await attempt(() => measurePage(chromium, sandbox, options.timeoutSeconds * 1000));
  if ('value' in page) {
    const { marks, requests } = page.value;
    progress(
      `page: first rows ${seconds(marks.firstRows - marks.start)}, complete ${seconds(marks.complete - marks.start)}, ` +
        `${count(requests.total)} requests`
    );
  }

  progress(`plain fetch() of the same sessions in Chromium, ${options.concurrency} in flight`);
  const browserFloor = await attempt(() => measureBrowserFloor(chromium, sandbox, seed.cutoffMs, options.concurrency));

  const naive = options.skipNaive
    ? { skipped: '--skip-naive' }
    : await attempt(() => {
        progress(`naive run: every user one by one for ${options.naiveSeconds} s`);
        return runNaive(sandbox.base, options.naiveSeconds * 1000);
      });
  await sandbox.stop();
  await chromium.close();

  const filter = options.skipFilter
    ? { skipped: '--skip-filter' }
    : await attempt(async () => measureFilter(options, dir, await launchChromium(cleanup), cleanup));
  const results: BenchResults = {
    options,
    machine,
    date: new Date(),
    seed,
    sandboxStartMs: sandbox.startMs,
    page,
    browserFloor,
    naive,
    filter,
    module: moduleSize(),
  };
  const text = markdown(results);
  process.stdout.write(text);
  if (options.out) {
    writeFileSync(options.out, text);
    progress(`figures written to ${options.out}`);
  }
  const failures = [page, browserFloor, naive, filter].flatMap((o) => ('error' in o ? [o.error] : []));
  failures.forEach((error) => console.error(`\nbench: ${error}`));
  return failures.length === 0;
}

/** The search box's response with ~20,000 sessions loaded, on a second seed; no latency (typing asks the server nothing). */
async function measureFilter(
  options: BenchOptions,
  dir: string,
  browser: Browser,
  parent: Cleanup
): Promise<{ seed: SeedFile; keystrokes: Keystroke[] }> {
  // Its own sandbox, stopped when it ends (or with everything else on Ctrl-C).
  const own = new Cleanup();
  parent.add('the filtering run', () => own.run());
  try {
    progress(`filtering: generating ${count(options.users)} users, ${count(options.filterActive)} of them active`);
    const seed = writeSeed(dir, 'filter', options.users, options.filterActive, options.sessionsPerActive);
    const sandbox = await startSandbox(seed.path, 0, own);
    rmSync(seed.path);
    progress(`filtering: loading ${count(seed.sessions)} sessions, then typing ${JSON.stringify(options.filterText)}`);
    let keystrokes: Keystroke[] = [];
    await withLoadedPage(browser, sandbox, options.timeoutSeconds * 1000, async (page) => {
      keystrokes = await measureKeystrokes(page, options.filterText);
    });
    const table = keystrokes.map((k) => `${k.key}:${Math.round(k.tableMs)}`);
    const tableMedian = Math.round(median(keystrokes.map((k) => k.tableMs)));
    progress(`filtering: key → table ${table.join(', ')} ms (median ${tableMedian})`);
    return { seed, keystrokes };
  } finally {
    await own.run();
  }
}

async function attempt<T>(part: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await part() };
  } catch (error) {
    if (cleanup.interruptedBy) {
      throw error;
    }
    const message = error instanceof Error ? error.message : String(error);
    progress(`failed: ${message.split('\n')[0]}`);
    return { error: message };
  }
}

const cleanup = new Cleanup();
cleanup.runOnSignals();
Promise.resolve()
  .then(() => main(readOptions(process.argv.slice(2)), cleanup))
  .then((ok) => {
    process.exitCode = ok ? 0 : 1;
  })
  .catch((error) => {
    if (cleanup.interruptedBy) {
      return;
    }
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
