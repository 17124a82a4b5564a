import { Request, Response, Router } from 'express';

import { requireServerAdmin } from '../auth';
import { searchHit, userProfile } from '../dto';
import { sendMessage, sendTypedError, userIdParam } from '../http';
import { pageSlice, paging, parseSort, queryMatcher, queryString, sortUsers } from '../search';
import { GrafanaState } from '../state';
import { THIRTY_DAYS } from '../time';

/** /api/users*: the global user list, readable by server admins only (users:read). */
export function usersRoutes(state: GrafanaState): Router {
  const router = Router();
  const read = requireServerAdmin('users:read');

  router.get('/api/users/search', read, (req, res) => {
    const result = searchUsers(state, req, res);
    if (result) {
      res.json({ totalCount: result.totalCount, users: result.users, page: result.page, perPage: result.perPage });
    }
  });

  router.get('/api/users', read, (req, res) => {
    const result = searchUsers(state, req, res);
    if (result) {
      res.json(result.users);
    }
  });

  router.get('/api/users/:id', read, (req, res) => {
    const id = userIdParam(req, res, state);
    if (id === null) {
      return;
    }
    const user = state.users.get(id);
    if (!user) {
      sendMessage(res, 404, 'user not found');
      return;
    }
    res.json(userProfile(user, state.syncFlags(user)));
  });

  // Grafana reads the memberships without checking the user exists: an unknown id lists no orgs.
  router.get('/api/users/:id/orgs', read, (req, res) => {
    const id = userIdParam(req, res, state);
    if (id !== null) {
      res.json(state.membershipsOf(id));
    }
  });

  return router;
}

function searchUsers(state: GrafanaState, req: Request, res: Response) {
  const sort = queryString(req, 'sort');
  const sorters = parseSort(sort, ['login', 'email']);
  if (!sorters) {
    // errutil.BadRequest("unknown sorting option") without a public message.
    sendTypedError(res, 400, 'Bad request', 'unknown sorting option');
    return null;
  }
  const now = state.clock.now();
  const query = queryString(req, 'query');
  const activeOnly = queryString(req, 'activeLast30Days') === 'true';
  const sorted = state.memoSorted(`users?sort=${sort}`, () => sortUsers([...state.users.values()], sorters, (u) => u));
  const matches = queryMatcher(query);
  const found =
    query || activeOnly
      ? sorted.filter((u) => matches(u) && (!activeOnly || u.lastSeenAt > now - THIRTY_DAYS))
      : sorted;
  const { page, perPage } = paging(req);
  const users = pageSlice(found, { page, perPage }).map((u) => searchHit(u, now));
  return { totalCount: found.length, users, page, perPage };
}
