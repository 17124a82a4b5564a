import { Router } from 'express';

import { signIn } from '../auth';
import { bind, sendMessage } from '../http';
import { GrafanaState, User } from '../state';

/** Runs after the password is accepted and before the session exists (e.g. LDAP re-mapping of roles). */
export type LoginHook = (user: User, state: GrafanaState) => void;

/** POST /login with `{"user": "<login or email>", "password": "..."}`, as Grafana's login form posts it. */
export function loginRoutes(state: GrafanaState, hooks: LoginHook[]): Router {
  const router = Router();

  router.post('/login', (req, res) => {
    const form = bind(req, { user: 'string', password: 'string' });
    if (!form) {
      sendMessage(res, 400, 'bad request data');
      return;
    }
    const user = state.findByLoginOrEmail(form.user);
    // Unknown user, wrong password and disabled user all get the same answer.
    if (!user || user.isDisabled || user.password === null || user.password !== form.password) {
      sendMessage(res, 401, 'Invalid username or password');
      return;
    }
    hooks.forEach((hook) => hook(user, state));
    signIn(state, req, res, user);
    sendMessage(res, 200, 'Logged in');
  });

  return router;
}
