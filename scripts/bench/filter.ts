import { Page } from '@playwright/test';

/** The page's search box: its placeholder starts with "Search login". */
export const SEARCH_BOX = 'input[placeholder^="Search login"]';
/** A keystroke counts as settled once the DOM has not changed for this long. */
const QUIET_MS = 300;
const KEYSTROKE_TIMEOUT_MS = 10_000;

export interface Keystroke {
  key: string;
  /** keydown → the frame after the one that shows the input's new value (two requestAnimationFrames). */
  frameMs: number;
  /** keydown → the table's first change: the filtered rows (a deferred update shows here, not in frameMs). */
  tableMs: number;
  /** keydown → the table's last change, org roles of the newly shown rows (read from Grafana) included. */
  settledMs: number;
  /** Table rows in the DOM afterwards. */
  rows: number;
}

interface FilterProbe {
  entries: Array<{ key: string; start: number; before: string; frameMs: number | null }>;
  lastMutation: number;
  /** The table's first change since the last keydown, if any. */
  firstMutation: number | null;
}
type ProbeWindow = Window & { sessionControlFilterProbe?: FilterProbe };

/** Types `text` into the search box one character at a time, then erases it, timing every keystroke. */
export async function measureKeystrokes(page: Page, text: string): Promise<Keystroke[]> {
  const box = page.locator(SEARCH_BOX);
  try {
    await box.waitFor({ state: 'visible', timeout: 30_000 });
  } catch {
    throw new Error(`No search box on the page: the bench types into ${SEARCH_BOX}.`);
  }
  await box.click();
  await box.evaluate(installProbe);
  const keystrokes: Keystroke[] = [];
  for (const key of [...text, ...Array<string>(text.length).fill('Backspace')]) {
    await (key === 'Backspace' ? page.keyboard.press(key) : page.keyboard.type(key));
    const timing = await page.evaluate(waitForKeystroke, { quietMs: QUIET_MS, timeoutMs: KEYSTROKE_TIMEOUT_MS });
    if (!timing) {
      throw new Error(`The search box (${SEARCH_BOX}) received no keydown for ${JSON.stringify(key)}.`);
    }
    keystrokes.push(timing);
  }
  return keystrokes;
}

/**
 * In the page: notes each keydown's time, the frame after its value change, and every change in the sessions table
 * (only there: the URL, written once typing pauses, changes links elsewhere on the page).
 */
function installProbe(input: HTMLInputElement): void {
  const probe: FilterProbe = { entries: [], lastMutation: 0, firstMutation: null };
  (window as ProbeWindow).sessionControlFilterProbe = probe;
  const table = document.querySelector('table[aria-label="Sessions by user"]')?.parentElement ?? document.body;
  new MutationObserver(() => {
    probe.lastMutation = performance.now();
    probe.firstMutation ??= probe.lastMutation;
  }).observe(table, { subtree: true, childList: true, characterData: true, attributes: true });
  input.addEventListener(
    'keydown',
    (event) => {
      const entry = { key: event.key, start: performance.now(), before: input.value, frameMs: null as number | null };
      probe.entries.push(entry);
      probe.firstMutation = null;
      const onFrame = () => {
        if (input.value === entry.before) {
          requestAnimationFrame(onFrame);
          return;
        }
        // This frame shows the new value; the next callback runs once it has been rendered.
        requestAnimationFrame(() => {
          entry.frameMs = performance.now() - entry.start;
        });
      };
      requestAnimationFrame(onFrame);
    },
    { capture: true }
  );
}

/** In the page: resolves once the last keystroke's frame is measured and the DOM has been quiet for a while. */
function waitForKeystroke({ quietMs, timeoutMs }: { quietMs: number; timeoutMs: number }): Promise<Keystroke | null> {
  const probe = (window as ProbeWindow).sessionControlFilterProbe!;
  const entry = probe.entries[probe.entries.length - 1];
  probe.entries.length = 0;
  if (!entry) {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const check = () => {
      const now = performance.now();
      const lastChange = Math.max(probe.lastMutation, entry.start);
      if ((entry.frameMs !== null && now - lastChange >= quietMs) || now - entry.start > timeoutMs) {
        const frameMs = entry.frameMs ?? now - entry.start;
        resolve({
          key: entry.key,
          frameMs,
          // A keystroke that leaves the same rows changes nothing in the table: its answer is the box's frame.
          tableMs: probe.firstMutation === null ? frameMs : Math.max(frameMs, probe.firstMutation - entry.start),
          settledMs: lastChange - entry.start,
          rows: document.querySelectorAll('table tbody tr').length,
        });
      } else {
        setTimeout(check, 20);
      }
    };
    check();
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
