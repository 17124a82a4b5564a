import { Router } from 'express';

import { accessDenied, requireLegacyServerAdmin, requireServerAdmin } from '../auth';
import { LOCAL } from '../authModules';
import { bind, sendMessage, userIdParam } from '../http';
import { iniSettings } from '../settings';
import { GrafanaState } from '../state';
import { adminStats } from '../stats';

/** Server admin flag, disable/enable, server settings and server stats. */
export function adminRoutes(state: GrafanaState): Router {
  const router = Router();

  // This route carries the legacy reqGrafanaAdmin middleware ahead of users.permissions:write.
  router.put(
    '/api/admin/users/:id/permissions',
    requireLegacyServerAdmin,
    requireServerAdmin('users.permissions:write'),
    (req, res) => {
      const form = bind(req, { isGrafanaAdmin: 'bool' });
      if (!form) {
        sendMessage(res, 400, 'bad request data');
        return;
      }
      const id = userIdParam(req, res, state);
      if (id === null) {
        return;
      }
      const user = state.users.get(id);
      if (user && state.syncFlags(user).isGrafanaAdminExternallySynced) {
        sendMessage(res, 403, 'Cannot change Grafana Admin role for externally synced user');
        return;
      }
      // Grafana's UpdatePermissions updates zero rows for an unknown id and still reports success.
      if (user && state.setServerAdmin(user, form.isGrafanaAdmin) === 'last-admin') {
        sendMessage(res, 400, 'Cannot remove last grafana admin');
        return;
      }
      sendMessage(res, 200, 'User permissions updated');
    }
  );

  for (const [verb, disable] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    router.post(`/api/admin/users/:id/${verb}`, requireServerAdmin(`users:${verb}`), (req, res) => {
      const id = userIdParam(req, res, state);
      if (id === null) {
        return;
      }
      const user = state.users.get(id);
      // Any user with a user_auth row is refused, whatever the sync settings.
      if (user && user.authModule !== LOCAL) {
        sendMessage(res, 500, `Could not ${verb} external user`);
      } else if (!user) {
        sendMessage(res, 404, 'user not found');
      } else {
        state.setDisabled(user, disable);
        sendMessage(res, 200, disable ? 'User disabled' : 'User enabled');
      }
    });
  }

  // settings:read comes with fixed:settings:reader, which OSS grants to server admins. A seed can withhold it, as an
  // Enterprise or Cloud admin whose role lacks it would see.
  router.get('/api/admin/settings', requireServerAdmin('settings:read'), (_req, res) => {
    if (state.settingsReadable) {
      res.json(iniSettings(state));
    } else {
      accessDenied(res, 'settings:read');
    }
  });

  router.get('/api/admin/stats', requireServerAdmin('server.stats:read'), (_req, res) => {
    res.json(adminStats(state));
  });

  return router;
}
