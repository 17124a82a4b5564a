// How often the inventory's answers reach the screen while the scan runs. Every render costs the
// browser time that the scan's own requests also need (on a small machine, more than the requests'
// latency), so the first rows show at once and, as the scan goes on, the screen updates less often.

export const FIRST_FLUSH_MS = 100;
export const LONGEST_FLUSH_MS = 1000;

/** The wait before the next screen update, `elapsedMs` after the scan started: a tenth of the time so far. */
export function flushDelay(elapsedMs: number): number {
  return Math.round(Math.min(LONGEST_FLUSH_MS, Math.max(FIRST_FLUSH_MS, elapsedMs / 10)));
}
