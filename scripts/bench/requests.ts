import { Page } from '@playwright/test';

import { sleep } from './log';

const SEARCH = 'GET /api/users/search';
const AUTH_TOKENS = 'GET /api/admin/users/:id/auth-tokens';

/** Requests to /api by kind. */
export interface RequestTally {
  total: number;
  searchPages: number;
  authTokens: number;
  /** Every other /api route → requests. */
  other: Record<string, number>;
}

/** Tallies the sandbox's per-route counts ("GET /api/users/search" → n); static files and the page are left out. */
export function tallyApiRequests(byRoute: Record<string, number>): RequestTally {
  const api = Object.entries(byRoute).filter(([route]) => route.split(' ')[1]?.startsWith('/api'));
  const other = Object.fromEntries(api.filter(([route]) => route !== SEARCH && route !== AUTH_TOKENS));
  return {
    total: api.reduce((sum, [, n]) => sum + n, 0),
    searchPages: byRoute[SEARCH] ?? 0,
    authTokens: byRoute[AUTH_TOKENS] ?? 0,
    other,
  };
}

/** The route key of a browser request, in the sandbox's form ("GET /api/admin/users/:id/auth-tokens"). */
export function routeKey(method: string, url: string): string {
  const path = new URL(url).pathname.replace(/\/users\/[^/]+\/(auth-tokens|orgs)$/, '/users/:id/$1');
  return `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
}

/** What the browser itself sent to /api, seen through Playwright: a cross-check of the sandbox's counts. */
export class BrowserApiRequests {
  readonly byRoute: Record<string, number> = {};
  /** The perpage values of the user search requests. */
  readonly searchPerPage = new Set<number>();
  private inFlight = 0;
  private lastActivity = Date.now();
  /** ∫ requests in flight dt, in request·ms, from the first /api request on. */
  private inFlightArea = 0;
  private firstRequestAt: number | null = null;

  constructor(page: Page) {
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/api/')) {
        return;
      }
      const key = routeKey(request.method(), request.url());
      this.byRoute[key] = (this.byRoute[key] ?? 0) + 1;
      if (key === SEARCH) {
        this.searchPerPage.add(Number(url.searchParams.get('perpage') ?? 1000));
      }
      this.firstRequestAt ??= Date.now();
      this.changeInFlight(+1);
      const done = () => this.changeInFlight(-1);
      request.response().then(done, done);
    });
  }

  /** The mean number of /api requests in flight since the first one (as Playwright sees them). */
  meanInFlight(): number {
    const area = this.inFlightArea + this.inFlight * (Date.now() - this.lastActivity);
    return this.firstRequestAt === null ? 0 : area / Math.max(1, Date.now() - this.firstRequestAt);
  }

  private changeInFlight(delta: number): void {
    const now = Date.now();
    this.inFlightArea += this.inFlight * (now - this.lastActivity);
    this.inFlight += delta;
    this.lastActivity = now;
  }

  /** Waits until no /api request has been in flight for `quietMs` (at most `maxMs`). */
  async settle(quietMs: number, maxMs: number): Promise<void> {
    const until = Date.now() + maxMs;
    while (Date.now() < until && (this.inFlight > 0 || Date.now() - this.lastActivity < quietMs)) {
      await sleep(50);
    }
  }
}
