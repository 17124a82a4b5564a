import { Browser, BrowserContext, chromium } from '@playwright/test';
import { existsSync } from 'fs';

import config from '../../playwright.config';
import { Cleanup } from './cleanup';

/** Debian's Chromium with the flags the browser journeys use (playwright.config.ts); never a downloaded browser. */
export async function launchChromium(cleanup: Cleanup): Promise<Browser> {
  const launchOptions = config.use?.launchOptions ?? {};
  const executable = launchOptions.executablePath;
  if (executable && !existsSync(executable)) {
    throw new Error(`No Chromium at ${executable}: install Debian's (apt-get install chromium), or set CHROMIUM_PATH.`);
  }
  const browser = await chromium.launch({ ...launchOptions, headless: true });
  cleanup.add('Chromium', () => browser.close());
  return browser;
}

/**
 * A fresh context (no sandbox cookie: the page signs in as the seed's viewer). tsx compiles this script with
 * esbuild's keepNames, which wraps named functions in `__name(...)`; functions handed to page.evaluate need it too.
 */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: config.use?.viewport ?? { width: 1600, height: 1000 } });
  await context.addInitScript({ content: LONG_TASKS_INIT });
  return context;
}

type LongTaskWindow = Window & { sessionControlLongTasks?: { count: number; ms: number } };

/** In the page, from its first script: main-thread tasks over 50 ms, which delay rendering and input. */
function countLongTasks(): void {
  const total = { count: 0, ms: 0 };
  (window as LongTaskWindow).sessionControlLongTasks = total;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      total.count += 1;
      total.ms += entry.duration;
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** The script every bench page runs first: esbuild's `__name` helper, then the long-task counter. */
export const LONG_TASKS_INIT = `globalThis.__name = (fn) => fn;\n(${countLongTasks.toString()})();`;

/** In the page: long tasks since it started, how much of the wait was the page's own work. */
export function readLongTasks(): { count: number; ms: number } {
  return { ...(window as LongTaskWindow).sessionControlLongTasks! };
}
