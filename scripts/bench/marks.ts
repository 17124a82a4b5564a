import { Page } from '@playwright/test';

import { sleep } from './log';

/** The performance marks the Sessions page sets (performance.mark), read with performance.getEntriesByName. */
export const MARKS = {
  start: 'sessioncontrol:inventory-start',
  firstRows: 'sessioncontrol:first-rows',
  complete: 'sessioncontrol:inventory-complete',
} as const;

/** Each mark's startTime: milliseconds since the page's navigation started. */
export type MarkTimes = Record<keyof typeof MARKS, number>;

export class MissingMarkError extends Error {}

export interface MarkWait {
  /** How long the page may take to start its loader (module load included). */
  startTimeoutMs: number;
  /** How long the whole inventory may take. */
  completeTimeoutMs: number;
  /** Called with what the page reported (errors), for the failure message. */
  pageProblems?: () => string[];
}

/** Polls the page (through `read`) until `inventory-complete` is set; fails naming the mark that never came. */
export async function waitForInventoryMarks(
  read: () => Promise<Partial<MarkTimes>>,
  wait: MarkWait
): Promise<MarkTimes> {
  const began = Date.now();
  for (;;) {
    const found = await read();
    const waited = Date.now() - began;
    if (found.complete !== undefined) {
      const absent = found.start === undefined ? 'start' : found.firstRows === undefined ? 'firstRows' : null;
      if (absent) {
        throw missing(absent, found, `"${MARKS.complete}" was set but "${MARKS[absent]}" never was`, wait);
      }
      return found as MarkTimes;
    }
    const late = found.start === undefined && waited > wait.startTimeoutMs ? 'start' : null;
    if (late || waited > wait.completeTimeoutMs) {
      const key = late ?? 'complete';
      throw missing(key, found, `the page did not set "${MARKS[key]}" within ${Math.round(waited / 1000)} s`, wait);
    }
    await sleep(100);
  }
}

export const MARK_NAMES: string[] = Object.values(MARKS);

/** In the page: each mark's startTime, or null while it is not set. */
export function markTimesInPage(names: string[]): Array<number | null> {
  return names.map((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null);
}

export async function readMarks(page: Page): Promise<Partial<MarkTimes>> {
  return toMarkTimes(await page.evaluate(markTimesInPage, MARK_NAMES));
}

/** The marks found, by key, from markTimesInPage's answer. */
export function toMarkTimes(times: Array<number | null>): Partial<MarkTimes> {
  const keys = Object.keys(MARKS) as Array<keyof typeof MARKS>;
  return Object.fromEntries(keys.flatMap((key, i) => (times[i] === null ? [] : [[key, times[i]]])));
}

function missing(key: keyof typeof MARKS, found: Partial<MarkTimes>, why: string, wait: MarkWait): MissingMarkError {
  const seen = Object.entries(found).map(([k, ms]) => `${MARKS[k as keyof typeof MARKS]} at ${Math.round(ms)} ms`);
  const problems = wait.pageProblems?.() ?? [];
  return new MissingMarkError(
    `Missing performance mark ${MARKS[key]}: ${why}. Marks found: ${seen.length > 0 ? seen.join(', ') : 'none'}.` +
      ` The bench reads performance.getEntriesByName('${MARKS[key]}', 'mark') in the page.` +
      (problems.length > 0 ? `\nThe page reported:\n  ${problems.slice(0, 5).join('\n  ')}` : '')
  );
}
