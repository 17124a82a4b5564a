import { Browser, Page } from '@playwright/test';

import { LONG_TASKS_INIT, newContext, readLongTasks } from './browser';
import { sleep } from './log';
import { MARK_NAMES, markTimesInPage, MarkTimes, readMarks, toMarkTimes, waitForInventoryMarks } from './marks';
import { PAGE_PATH } from './paths';
import { PlainChromium } from './plainChromium';
import { RequestTally, tallyApiRequests } from './requests';
import { RunningSandbox } from './sandbox';

export interface PageRun {
  marks: MarkTimes;
  /** /api requests the sandbox answered, from navigation until the page went quiet after the complete mark. */
  requests: RequestTally;
  /** Main-thread tasks over 50 ms until the complete mark: the page's own work while loading. */
  longTasks: { count: number; ms: number };
  /** Mean /api requests in flight at the sandbox, from the first one to the last answer. */
  meanInFlight: number;
}

const START_TIMEOUT_MS = 60_000;

/** Opens the Sessions page in a new tab of the uninstrumented Chromium and times its loader by its performance marks. */
export async function measurePage(
  chromium: PlainChromium,
  sandbox: RunningSandbox,
  completeTimeoutMs: number
): Promise<PageRun> {
  await sandbox.clearRequestCounts();
  const problems: string[] = [];
  const page = await chromium.openPage(sandbox.base + PAGE_PATH, LONG_TASKS_INIT, (problem) => problems.push(problem));
  try {
    const marks = await waitForInventoryMarks(
      async () => toMarkTimes(await page.evaluate(markTimesInPage, MARK_NAMES)),
      {
        startTimeoutMs: START_TIMEOUT_MS,
        completeTimeoutMs,
        pageProblems: () => problems,
      }
    );
    const longTasks = await page.evaluate(readLongTasks, null);
    // Requests the page makes after the inventory (such as org roles of the rows shown) are part of its cost.
    const counts = await settledCounts(sandbox, 1000, 15_000);
    return {
      marks,
      requests: tallyApiRequests(counts.byRoute),
      longTasks,
      meanInFlight: counts.apiMeanInFlight,
    };
  } finally {
    await page.close();
  }
}

/** The sandbox's counts once no request has come for `quietMs` (at most `maxMs`). */
async function settledCounts(sandbox: RunningSandbox, quietMs: number, maxMs: number) {
  const until = Date.now() + maxMs;
  let counts = await sandbox.requestCounts();
  for (let quietSince = Date.now(); Date.now() < until && Date.now() - quietSince < quietMs;) {
    await sleep(100);
    const next = await sandbox.requestCounts();
    if (next.total !== counts.total) {
      quietSince = Date.now();
    }
    counts = next;
  }
  return counts;
}

/**
 * Opens the Sessions page in Playwright, waits for its complete inventory, and hands the page to `whileOpen`
 * (the filtering run types into it; Playwright's probes cost nothing there, since typing asks the server nothing).
 */
export async function withLoadedPage(
  browser: Browser,
  sandbox: RunningSandbox,
  completeTimeoutMs: number,
  whileOpen: (page: Page) => Promise<void>
): Promise<void> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(sandbox.base + PAGE_PATH);
    await waitForInventoryMarks(() => readMarks(page), {
      startTimeoutMs: START_TIMEOUT_MS,
      completeTimeoutMs,
      pageProblems: () => problems,
    });
    await whileOpen(page);
  } finally {
    await context.close();
  }
}
