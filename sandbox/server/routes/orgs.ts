import { NextFunction, Request, Response, Router } from 'express';

import { accessDenied, currentOrgId, identityOf, mayManageOrgUsers } from '../auth';
import { orgUser } from '../dto';
import { bind, parsePathInt, sendMessage, sendTypedError, userIdParam } from '../http';
import { pageSlice, paging, parseSort, queryInt, queryMatcher, queryString, Sorter, sortUsers } from '../search';
import { ORG_ROLES, OrgRole } from '../seed';
import { GrafanaState } from '../state';

/** Org memberships: /api/orgs/:orgId/users* for a given org, /api/org/users* for the caller's current org. */
export function orgRoutes(state: GrafanaState): Router {
  const router = Router();
  const inPathOrg = (action: string) => orgAccess(state, action, (req) => parsePathInt(req.params.orgId));
  const inCurrentOrg = (action: string) =>
    orgAccess(state, action, (req, res) => currentOrgId(state, req, identityOf(res).user));

  router.get('/api/orgs/:orgId/users', inPathOrg('org.users:read'), (req, res) => listMembers(state, req, res));
  router.get('/api/org/users', inCurrentOrg('org.users:read'), (req, res) => listMembers(state, req, res));
  router.get('/api/orgs/:orgId/users/search', inPathOrg('org.users:read'), (req, res) =>
    searchMembers(state, req, res)
  );
  router.get('/api/org/users/search', inCurrentOrg('org.users:read'), (req, res) => searchMembers(state, req, res));

  router.patch('/api/orgs/:orgId/users/:userId', inPathOrg('org.users:write'), (req, res) => {
    const cmd = bind(req, { role: 'string' });
    if (!cmd) {
      sendMessage(res, 400, 'bad request data');
      return;
    }
    const userId = userIdParam(req, res, state, 'userId');
    if (userId !== null) {
      updateRole(state, req, res, userId, cmd.role);
    }
  });

  router.patch('/api/org/users/:userId', inCurrentOrg('org.users:write'), (req, res) => {
    const cmd = bind(req, { role: 'string' });
    const userId = parsePathInt(req.params.userId);
    if (!cmd) {
      sendMessage(res, 400, 'bad request data');
    } else if (userId === null) {
      sendMessage(res, 400, 'userId is invalid');
    } else {
      updateRole(state, req, res, userId, cmd.role);
    }
  });

  return router;
}

/** org.users:* evaluated in the target org; remembers that org for the handler. */
function orgAccess(state: GrafanaState, action: string, orgIdOf: (req: Request, res: Response) => number | null) {
  return (req: Request, res: Response, next: NextFunction) => {
    const orgId = orgIdOf(req, res);
    if (orgId === null) {
      sendMessage(res, 400, 'orgId is invalid');
    } else if (!mayManageOrgUsers(state, identityOf(res).user, orgId)) {
      accessDenied(res, action);
    } else {
      res.locals.orgId = orgId;
      next();
    }
  };
}

/** The org's members in the given order, filtered by `query`. */
function members(state: GrafanaState, req: Request, orgId: number, sort: string, sorters: Sorter[]) {
  const sorted = state.memoSorted(`orgs/${orgId}/users?sort=${sort}`, () => {
    const roles = state.members.get(orgId) ?? new Map<number, OrgRole>();
    const list = [...roles].map(([userId, role]) => ({ user: state.users.get(userId)!, role }));
    return sortUsers(list, sorters, (m) => m.user);
  });
  const query = queryString(req, 'query');
  const matches = queryMatcher(query);
  return query ? sorted.filter((m) => matches(m.user)) : sorted;
}

function listMembers(state: GrafanaState, req: Request, res: Response): void {
  const orgId: number = res.locals.orgId;
  const now = state.clock.now();
  const sorted = members(state, req, orgId, '(email,login)', parseSort('', ['email', 'login'])!);
  const limit = queryInt(req, 'limit');
  const limited = limit > 0 ? sorted.slice(0, limit) : sorted;
  res.json(limited.map((m) => orgUser(orgId, m.user, m.role, now, state.syncFlags(m.user))));
}

function searchMembers(state: GrafanaState, req: Request, res: Response): void {
  const orgId: number = res.locals.orgId;
  const sort = queryString(req, 'sort');
  const sorters = parseSort(sort, ['login', 'email']);
  if (!sorters) {
    sendTypedError(res, 400, 'Bad request', 'unknown sorting option');
    return;
  }
  const now = state.clock.now();
  const found = members(state, req, orgId, sort, sorters);
  const { page, perPage } = paging(req);
  const orgUsers = pageSlice(found, { page, perPage }).map((m) =>
    orgUser(orgId, m.user, m.role, now, state.syncFlags(m.user))
  );
  res.json({ totalCount: found.length, orgUsers, page, perPage });
}

/** updateOrgUserHelper: role check, caller's own role, provider sync, then the last-admin rule. */
function updateRole(state: GrafanaState, req: Request, res: Response, userId: number, role: string): void {
  const orgId: number = res.locals.orgId;
  const caller = identityOf(res).user;
  if (!isValidRole(role, state.grafanaMajor)) {
    sendMessage(res, 400, 'Invalid role specified');
    return;
  }
  const callerRole = state.roleIn(currentOrgId(state, req, caller), caller.id) ?? 'None';
  if (!includes(callerRole, role) && !caller.isGrafanaAdmin) {
    sendMessage(res, 403, "Cannot assign a role higher than user's role");
    return;
  }
  const user = state.users.get(userId);
  if (user && state.syncFlags(user).isExternallySynced) {
    sendTypedError(res, 403, 'cannot change role for externally synced user', 'org.externallySynced');
    return;
  }
  const outcome = state.setOrgRole(orgId, userId, role);
  if (outcome === 'last-admin') {
    sendMessage(res, 400, 'Cannot change role so that there is no organization admin left');
  } else if (outcome === 'not-a-member') {
    sendMessage(res, 500, 'Failed update org user');
  } else {
    sendMessage(res, 200, 'Organization user updated');
  }
}

/** "None" (no basic role) exists from Grafana 10. */
function isValidRole(role: string, grafanaMajor: number): role is OrgRole {
  return ORG_ROLES.includes(role as OrgRole) && (role !== 'None' || grafanaMajor >= 10);
}

/** org.RoleType.Includes. */
function includes(holder: OrgRole, wanted: OrgRole): boolean {
  switch (holder) {
    case 'Admin':
      return true;
    case 'Editor':
      return wanted !== 'Admin';
    case 'Viewer':
      return wanted === 'Viewer' || wanted === 'None';
    default:
      return wanted === 'None';
  }
}
