import { Browser } from '@playwright/test';

import { newContext } from './browser';
import { RunningSandbox } from './sandbox';

export interface BrowserFloor {
  users: number;
  /** The users' session lists read with plain fetch() from a blank page, `concurrency` at a time. */
  ms: number;
}

/**
 * What this Chromium on this machine needs for the same session requests without the page: plain fetch() calls,
 * `concurrency` in flight, nothing rendered. Browsers add per-request costs (IPC, cookies, CORS checks) that the
 * latency-only floor leaves out; on a small machine they are larger than the latency itself.
 */
export async function measureBrowserFloor(
  browser: Browser,
  sandbox: RunningSandbox,
  cutoffMs: number,
  concurrency: number
): Promise<BrowserFloor> {
  const context = await newContext(browser);
  try {
    const login = await context.request.post(`${sandbox.base}/login`, { data: { user: 'admin', password: 'admin' } });
    if (!login.ok()) {
      throw new Error(`POST /login as admin answered ${login.status()}`);
    }
    const page = await context.newPage();
    await page.goto(`${sandbox.base}/public/plugins/sessioncontrol-admin-app/plugin.json`);
    return await page.evaluate(readAllSessions, { cutoff: Date.now() - cutoffMs, concurrency });
  } finally {
    await context.close();
  }
}

/** In the page: the ids of users seen since `cutoff` (most recent first), then their sessions, timed. */
async function readAllSessions({
  cutoff,
  concurrency,
}: {
  cutoff: number;
  concurrency: number;
}): Promise<BrowserFloor> {
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
