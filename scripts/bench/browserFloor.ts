import { LONG_TASKS_INIT } from './browser';
import { PlainChromium, PlainPage } from './plainChromium';
import { RunningSandbox } from './sandbox';

export interface BrowserFloor {
  users: number;
  /** The users' session lists read with plain fetch() from a blank page, `concurrency` at a time. */
  ms: number;
}

/**
 * What this Chromium on this machine needs for the same session requests without the page: plain fetch() calls,
 * `concurrency` in flight, nothing rendered, in the same uninstrumented browser as the page run. Browsers add
 * per-request costs (IPC, cookies, CORS checks) that the latency-only floor leaves out.
 */
export async function measureBrowserFloor(
  chromium: PlainChromium,
  sandbox: RunningSandbox,
  cutoffMs: number,
  concurrency: number
): Promise<BrowserFloor> {
  // A static file of the plugin: an origin for fetch() without starting the page's own scan.
  const page = await chromium.openPage(
    `${sandbox.base}/public/plugins/sessioncontrol-admin-app/plugin.json`,
    LONG_TASKS_INIT
  );
  try {
    await waitForDocument(page);
    return await page.evaluate(readAllSessions, { cutoff: Date.now() - cutoffMs, concurrency });
  } finally {
    await page.close();
  }
}

async function waitForDocument(page: PlainPage): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      await page.evaluate(() => location.pathname.endsWith('plugin.json') && document.readyState === 'complete', null)
    ) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The blank page for the browser floor did not load');
}

/** In the page: the ids of users seen since `cutoff` (most recent first), then their sessions, timed. */
async function readAllSessions({
  cutoff,
  concurrency,
}: {
  cutoff: number;
  concurrency: number;
}): Promise<BrowserFloor> {
  const login = await fetch('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: 'admin', password: 'admin' }),
  });
  if (!login.ok) {
    throw new Error(`POST /login as admin answered ${login.status}`);
  }
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const res = await fetch(`/api/users/search?perpage=1000&page=${page}&sort=lastSeenAtAge-desc`);
    const users: Array<{ id: number; lastSeenAt: string }> = (await res.json()).users;
    const recent = users.filter((u) => Date.parse(u.lastSeenAt) >= cutoff);
    ids.push(...recent.map((u) => u.id));
    if (recent.length < users.length || users.length === 0) {
      break;
    }
  }
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      await (await fetch(`/api/admin/users/${id}/auth-tokens`)).json();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { users: ids.length, ms: performance.now() - started };
}
