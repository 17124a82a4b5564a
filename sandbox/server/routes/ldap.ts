import { Request, RequestHandler, Response, Router } from 'express';

import { requireServerAdmin } from '../auth';
import { LDAP } from '../authModules';
import { ldapServerStatus, ldapUser } from '../dto';
import { parsePathInt, sendMessage } from '../http';
import { findEntry, isReachable, mapGroups } from '../ldap';
import { syncFromLdap } from '../ldapSync';
import { GrafanaState } from '../state';

/** The LDAP debug API: server status, how a directory user would be mapped, manual sync and config reload. */
export function ldapRoutes(state: GrafanaState): Router {
  const router = Router();
  // Every handler answers this first, after the permission check of its route.
  const enabled: RequestHandler = (_req, res, next) =>
    state.ldap.enabled ? next() : sendMessage(res, 400, 'LDAP is not enabled');

  router.get('/api/admin/ldap/status', requireServerAdmin('ldap.status:read'), enabled, (_req, res) => {
    res.json(state.ldap.servers.map(ldapServerStatus));
  });

  // The sandbox's LDAP config lives in memory (the test hooks change it), so there is nothing to read again.
  router.post('/api/admin/ldap/reload', requireServerAdmin('ldap.config:reload'), enabled, (_req, res) => {
    sendMessage(res, 200, 'LDAP config reloaded');
  });

  router.post('/api/admin/ldap/sync/:id', requireServerAdmin('ldap.user:sync'), enabled, (req, res) =>
    syncUser(state, req, res)
  );

  router.get('/api/admin/ldap/:username', requireServerAdmin('ldap.user:read'), enabled, (req, res) => {
    const config = state.ldap;
    // A search that cannot reach any server ends in the same 404 as one that finds nobody.
    const entry = isReachable(config) ? findEntry(config, req.params.username) : undefined;
    if (!entry) {
      sendMessage(res, 404, 'No user was found in the LDAP server(s) with that username');
      return;
    }
    const mapping = mapGroups(config.mappings, entry.groups);
    res.json(ldapUser(entry, mapping, config.skipOrgRoleSync, (id) => state.orgs.get(id)?.name ?? ''));
  });

  return router;
}

/** PostSyncUserWithLDAP: the numeric id only (no uid resolver on this route). */
function syncUser(state: GrafanaState, req: Request, res: Response): void {
  const id = parsePathInt(req.params.id);
  if (id === null) {
    sendMessage(res, 400, 'id is invalid');
    return;
  }
  const user = state.users.get(id);
  if (!user || user.authModule !== LDAP) {
    sendMessage(res, 404, 'user not found');
    return;
  }
  if (!isReachable(state.ldap)) {
    sendMessage(res, 400, 'Something went wrong while finding the user in LDAP');
    return;
  }
  const entry = findEntry(state.ldap, user.login);
  if (!entry && user.login === state.ldap.adminUser) {
    sendMessage(res, 400, `Refusing to sync grafana super admin "${user.login}" - it would be disabled`);
  } else if (!entry) {
    state.setDisabled(user, true);
    sendMessage(res, 400, 'User not found in LDAP. Disabled the user without updating information');
  } else if (syncFromLdap(state, user, entry) === 'last-admin') {
    sendMessage(res, 500, 'Failed to update the user');
  } else {
    sendMessage(res, 200, 'User synced successfully');
  }
}
