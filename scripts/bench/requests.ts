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
