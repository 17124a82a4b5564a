import { BrowserFloor } from './browserFloor';
import { ModuleSize } from './build';
import { Keystroke, median } from './filter';
import { count, seconds } from './log';
import { Machine } from './machine';
import { NaiveRun } from './naive';
import { BenchOptions } from './options';
import { PageRun } from './pageRun';
import { SeedFile } from './seeds';

/** A part of the bench: its figures, why it failed, or why it was left out. */
export type Outcome<T> = { value: T } | { error: string } | { skipped: string };

export interface BenchResults {
  options: BenchOptions;
  machine: Machine;
  date: Date;
  seed: SeedFile;
  sandboxStartMs: number;
  page: Outcome<PageRun>;
  browserFloor: Outcome<BrowserFloor>;
  naive: Outcome<NaiveRun>;
  filter: Outcome<{ seed: SeedFile; keystrokes: Keystroke[] }>;
  module: ModuleSize;
}

type Row = [what: string, figure: string];

const TARGET_KEYSTROKE_MS = 100;

/** The figures as a Markdown snippet for the README. */
export function markdown(r: BenchResults): string {
  const { options, seed, machine: m } = r;
  const page = 'value' in r.page ? r.page.value : null;
  const loaderMs = page ? page.marks.complete - page.marks.start : null;
  const rows: Row[] = [
    ...(page ? pageRows(page, r) : [['The page', notMeasured(r.page)] as Row]),
    [
      `Browser floor: plain fetch() of the same session lists in Chromium, ${options.concurrency} in flight, no page`,
      'value' in r.browserFloor ? browserFloorText(r.browserFloor.value, loaderMs) : notMeasured(r.browserFloor),
    ],
    ['Naive: every user, one by one', 'value' in r.naive ? naiveText(r.naive.value) : notMeasured(r.naive)],
    ...('value' in r.naive && loaderMs
      ? [['Naive ÷ ours', `**${Math.round(r.naive.value.estimatedTotalMs / loaderMs)}×**`] as Row]
      : []),
    ['dist/module.js', `${kib(r.module.bytes)} (${kib(r.module.gzipBytes)} gzipped)`],
    [
      'Filtering: keystroke → table shows the result',
      'value' in r.filter ? filterText(r.filter.value) : notMeasured(r.filter),
    ],
  ];
  return [
    `### Benchmark: ${count(seed.users)} users, ${count(seed.usersThatCanHoldSessions)} of them seen within ` +
      `${days(seed.inactiveLifetimeMs)} (${count(seed.sessions)} sessions)`,
    '',
    `The sandbox (emulated Grafana API) answers every /api request ${options.latencyMs} ms after it arrived; the page runs in headless ` +
      `Chromium driven without network probes (as an admin's browser runs it); \`npm run bench\`, ` +
      `${r.date.toISOString().slice(0, 10)}.`,
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([what, figure]) => `| ${what} | ${figure} |`),
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}, Chromium ${m.chromium}. ` +
      `Seed generated in ${seconds(seed.generatedMs)}; the sandbox started in ${seconds(r.sandboxStartMs)} ` +
      `with ${count(seed.users)} users.`,
    '',
  ].join('\n');
}

/** The three requests besides search pages and session lists that the budget allows: read once per scan. */
const SCAN_EXTRAS = ['GET /api/admin/settings', 'GET /api/admin/stats', 'GET /api/admin/ldap/status'];
const TARGET_FIRST_ROWS_MS = 1000;
const TARGET_FLOOR_RATIO = 1.3;

function pageRows(page: PageRun, { seed, options }: BenchResults): Row[] {
  const { requests, marks } = page;
  const loaderMs = marks.complete - marks.start;
  const firstRowsMs = marks.firstRows - marks.start;
  const canHold = seed.usersThatCanHoldSessions;
  const budget = canHold + requests.searchPages + SCAN_EXTRAS.length;
  const extras = SCAN_EXTRAS.reduce((n, route) => n + (requests.other[route] ?? 0), 0);
  const scan = requests.searchPages + requests.authTokens + extras;
  const details = Object.fromEntries(Object.entries(requests.other).filter(([route]) => !SCAN_EXTRAS.includes(route)));
  const floorMs = (canHold * options.latencyMs) / options.concurrency;
  const ratio = loaderMs / floorMs;
  return [
    [
      'Requests the page made to /api',
      `**${count(requests.total)}**: ${count(scan)} for the inventory and ` +
        `${count(requests.total - scan)} for details of the rows on screen`,
    ],
    [
      '… for the inventory',
      `**${count(scan)}**: ${requests.searchPages} user search pages, ` +
        `${count(requests.authTokens)} session lists, ${extras} of ${SCAN_EXTRAS.join(', ')} ` +
        `(budget ${count(budget)}: ${count(canHold)} users that can hold a session + ${requests.searchPages} search ` +
        `pages + ${SCAN_EXTRAS.length}: ${verdict(scan <= budget)})`,
    ],
    ['… for the rows on screen', otherRequests(details)],
    [
      'Time to the first session rows',
      `**${seconds(firstRowsMs)}** after the loader started (target < ${seconds(TARGET_FIRST_ROWS_MS)}: ` +
        `${verdict(firstRowsMs < TARGET_FIRST_ROWS_MS)}); ${seconds(marks.firstRows)} after navigation, ` +
        `the Grafana-like shell and module.js loading included`,
    ],
    [
      'Time to the complete inventory',
      `**${seconds(loaderMs)}** after the loader started; main thread busy in long tasks (over 50 ms) for ` +
        `${seconds(page.longTasks.ms)} (${count(page.longTasks.count)} tasks) by then`,
    ],
    [
      `Floor: ${count(canHold)} users × ${options.latencyMs} ms ÷ ${options.concurrency} in flight`,
      `${seconds(floorMs)}; ours ÷ floor = **${ratio.toFixed(2)}** (target ≤ ${TARGET_FLOOR_RATIO}: ` +
        `${verdict(ratio <= TARGET_FLOOR_RATIO)}; the page kept ${page.meanInFlight.toFixed(1)} requests in flight on average)`,
    ],
  ];
}

function verdict(met: boolean): string {
  return met ? 'met' : 'missed';
}

function browserFloorText(floor: BrowserFloor, loaderMs: number | null): string {
  const ratio = loaderMs ? `; ours ÷ browser floor = ${(loaderMs / floor.ms).toFixed(2)}` : '';
  return `${seconds(floor.ms)} for ${count(floor.users)} users${ratio}`;
}

function naiveText(n: NaiveRun): string {
  const perUser = n.estimatedFromSearch
    ? 'no session request fitted, so each is taken to cost a search request'
    : `then the sessions of ${count(n.usersRead)} users in ${seconds(n.tokensMs)} ` +
      `(${(n.tokensMs / n.usersRead).toFixed(1)} ms each, ${count(n.sessionsFound)} sessions)`;
  return (
    `≈ **${minutes(n.estimatedTotalMs)}**, *extrapolated* to ${count(n.totalUsers)} users from ` +
    `${seconds(n.budgetMs)} measured: ${n.pagesRead} of ${n.pagesNeeded} search pages in ${seconds(n.pagingMs)}, ${perUser}`
  );
}

function filterText({ seed, keystrokes }: { seed: SeedFile; keystrokes: Keystroke[] }): string {
  const frames = keystrokes.map((k) => k.frameMs);
  const table = keystrokes.map((k) => k.tableMs);
  const settled = keystrokes.map((k) => Math.max(k.settledMs, k.tableMs));
  const max = Math.max(...table);
  return (
    `median **${Math.round(median(table))} ms**, max ${Math.round(max)} ms over ${keystrokes.length} keystrokes ` +
    `with ${count(seed.sessions)} sessions loaded, sandbox without latency (target < ${TARGET_KEYSTROKE_MS} ms: ` +
    `${verdict(max < TARGET_KEYSTROKE_MS)}); the search box itself shows the key in median ` +
    `${Math.round(median(frames))} ms, max ${Math.round(Math.max(...frames))} ms; the org roles of newly shown ` +
    `rows, read from Grafana, complete the table in median ${Math.round(median(settled))} ms, max ` +
    `${Math.round(Math.max(...settled))} ms`
  );
}

function otherRequests(other: Record<string, number>): string {
  const entries = Object.entries(other).sort(([, a], [, b]) => b - a);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return total === 0 ? '0' : `${count(total)}: ${entries.map(([route, n]) => `${route} ${count(n)}`).join(', ')}`;
}

function notMeasured(outcome: Outcome<unknown>): string {
  if ('error' in outcome) {
    return `not measured: ${outcome.error.split('\n')[0]}`;
  }
  return 'skipped' in outcome ? `not measured (${outcome.skipped})` : '';
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function minutes(ms: number): string {
  const total = Math.round(ms / 1000);
  return total < 120 ? `${total} s` : `${Math.floor(total / 60)} min ${total % 60} s`;
}

function days(ms: number): string {
  const d = ms / 86_400_000;
  return Number.isInteger(d) ? `${d} days` : `${Math.round(ms / 3_600_000)} hours`;
}
