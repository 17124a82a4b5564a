/** The approach the page replaces: every user, one request after the other, for a fixed time, then extrapolated. */
const PER_PAGE = 1000;

export interface NaiveRun {
  budgetMs: number;
  totalUsers: number;
  /** Search pages read, of those needed for every user. */
  pagesRead: number;
  pagesNeeded: number;
  pagingMs: number;
  /** Users whose sessions were read within the budget, and how long that took. */
  usersRead: number;
  tokensMs: number;
  sessionsFound: number;
  /** Time for every page and every user at the measured rates. */
  estimatedTotalMs: number;
  /** True when no session request fitted in the budget and the search requests' time stands in for them. */
  estimatedFromSearch: boolean;
}

export async function runNaive(base: string, budgetMs: number): Promise<NaiveRun> {
  const cookie = await signIn(base, 'admin', 'admin');
  const get = async (path: string) => {
    const res = await fetch(base + path, { headers: { cookie } });
    if (!res.ok) {
      throw new Error(`Naive run: GET ${path} answered ${res.status}`);
    }
    return res.json();
  };
  const started = performance.now();
  const deadline = started + budgetMs;

  const userIds: number[] = [];
  let totalUsers = Infinity;
  let pagesRead = 0;
  while (userIds.length < totalUsers && performance.now() < deadline) {
    const body = await get(`/api/users/search?perpage=${PER_PAGE}&page=${pagesRead + 1}`);
    pagesRead += 1;
    totalUsers = body.totalCount;
    userIds.push(...body.users.map((u: { id: number }) => u.id));
    if (body.users.length < PER_PAGE) {
      break;
    }
  }
  const pagingMs = performance.now() - started;

  let usersRead = 0;
  let sessionsFound = 0;
  for (const id of userIds) {
    if (performance.now() >= deadline) {
      break;
    }
    sessionsFound += (await get(`/api/admin/users/${id}/auth-tokens`)).length;
    usersRead += 1;
  }
  const tokensMs = performance.now() - started - pagingMs;

  const pagesNeeded = Math.ceil(totalUsers / PER_PAGE);
  const perUserMs = usersRead > 0 ? tokensMs / usersRead : pagingMs / pagesRead;
  return {
    budgetMs,
    totalUsers,
    pagesRead,
    pagesNeeded,
    pagingMs,
    usersRead,
    tokensMs,
    sessionsFound,
    estimatedTotalMs: (pagingMs / pagesRead) * pagesNeeded + perUserMs * totalUsers,
    estimatedFromSearch: usersRead === 0,
  };
}

/** POST /login as Grafana's login form does; returns the grafana_session cookie pair. */
export async function signIn(base: string, user: string, password: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((pair) => pair.startsWith('grafana_session='));
  if (!res.ok || !cookie) {
    throw new Error(`POST /login as ${user} answered ${res.status}`);
  }
  return cookie;
}
