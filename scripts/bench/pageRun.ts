import { Browser, Page } from '@playwright/test';

import { newContext, readLongTasks } from './browser';
import { MarkTimes, waitForInventoryMarks } from './marks';
import { PAGE_PATH } from './paths';
import { BrowserApiRequests, RequestTally, tallyApiRequests } from './requests';
import { RunningSandbox } from './sandbox';

export interface PageRun {
  marks: MarkTimes;
  /** /api requests the sandbox answered, from navigation until the page went quiet after the complete mark. */
  requests: RequestTally;
  /** The same, as Playwright saw the browser send them. */
  browserRequests: number;
  searchPerPage: number[];
  /** Main-thread tasks over 50 ms until the complete mark: the page's own work while loading. */
  longTasks: { count: number; ms: number };
  /** Mean /api requests in flight from the first one to the complete mark. */
  meanInFlight: number;
}

export interface PageRunOptions {
  completeTimeoutMs: number;
  /** Called once the inventory is complete, with the page still open (the filtering run types into it). */
  whileOpen?: (page: Page) => Promise<void>;
}

/** Opens the Sessions page in a fresh browser context and times its loader through the performance marks. */
export async function measurePage(
  browser: Browser,
  sandbox: RunningSandbox,
  options: PageRunOptions
): Promise<PageRun> {
  await sandbox.clearRequestCounts();
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const problems = watchProblems(page);
    const apiRequests = new BrowserApiRequests(page);
    await page.goto(sandbox.base + PAGE_PATH);
    const marks = await waitForInventoryMarks(page, {
      startTimeoutMs: 60_000,
      completeTimeoutMs: options.completeTimeoutMs,
      pageProblems: () => problems,
    });
    const longTasks = await readLongTasks(page);
    const meanInFlight = apiRequests.meanInFlight();
    // Requests the page makes after the inventory (such as org roles of the rows shown) are part of its cost.
    await apiRequests.settle(1000, 15_000);
    const counts = await sandbox.requestCounts();
    await options.whileOpen?.(page);
    return {
      marks,
      requests: tallyApiRequests(counts.byRoute),
      browserRequests: Object.values(apiRequests.byRoute).reduce((sum, n) => sum + n, 0),
      searchPerPage: [...apiRequests.searchPerPage],
      longTasks,
      meanInFlight,
    };
  } finally {
    await context.close();
  }
}

/** Page errors, failed requests and console errors, for the message when a mark never comes. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    }
  });
  return problems;
}
