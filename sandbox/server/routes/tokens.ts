import { Response, Router } from 'express';

import { Identity, identityOf, requireServerAdmin } from '../auth';
import { userToken } from '../dto';
import { bind, sendMessage, userIdParam } from '../http';
import { GrafanaState } from '../state';

/** Auth tokens (sessions): the admin endpoints for any user and the self-service ones for the caller. */
export function tokenRoutes(state: GrafanaState): Router {
  const router = Router();

  router.get('/api/admin/users/:id/auth-tokens', requireServerAdmin('users.authtoken:read'), (req, res) => {
    const id = userIdParam(req, res, state);
    if (id !== null) {
      listTokens(state, res, id);
    }
  });

  router.post('/api/admin/users/:id/revoke-auth-token', requireServerAdmin('users.authtoken:write'), (req, res) => {
    const cmd = bind(req, { authTokenId: 'int' });
    if (!cmd) {
      sendMessage(res, 400, 'bad request data');
      return;
    }
    const id = userIdParam(req, res, state);
    if (id !== null) {
      revokeToken(state, res, id, cmd.authTokenId);
    }
  });

  router.post('/api/admin/users/:id/logout', requireServerAdmin('users:logout'), (req, res) => {
    const id = userIdParam(req, res, state);
    if (id === null) {
      return;
    }
    if (id === identityOf(res).user.id) {
      sendMessage(res, 400, 'You cannot logout yourself');
      return;
    }
    if (!state.users.has(id)) {
      sendMessage(res, 404, 'User not found');
      return;
    }
    state.sessions.revokeAll(id);
    sendMessage(res, 200, 'User logged out');
  });

  router.get('/api/user/auth-tokens', (_req, res) => listTokens(state, res, identityOf(res).user.id));

  router.post('/api/user/revoke-auth-token', (req, res) => {
    const cmd = bind(req, { authTokenId: 'int' });
    if (!cmd) {
      sendMessage(res, 400, 'bad request data');
      return;
    }
    revokeToken(state, res, identityOf(res).user.id, cmd.authTokenId);
  });

  return router;
}

function listTokens(state: GrafanaState, res: Response, userId: number): void {
  if (!state.users.has(userId)) {
    sendMessage(res, 404, 'User not found');
    return;
  }
  const current: Identity = identityOf(res);
  res.json(state.sessions.listValid(userId).map((session) => userToken(session, current.session)));
}

function revokeToken(state: GrafanaState, res: Response, userId: number, tokenId: number): void {
  if (!state.users.has(userId)) {
    sendMessage(res, 404, 'User not found');
    return;
  }
  const session = state.sessions.find(userId, tokenId);
  if (!session) {
    sendMessage(res, 404, 'User auth token not found');
    return;
  }
  if (session.id === identityOf(res).session.id) {
    sendMessage(res, 400, 'Cannot revoke active user auth token');
    return;
  }
  state.sessions.revoke(session.id);
  sendMessage(res, 200, 'User auth token revoked');
}
