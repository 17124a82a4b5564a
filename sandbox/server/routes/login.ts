import { Router } from 'express';

import { signIn } from '../auth';
import { bind, sendMessage } from '../http';
import { ldapLogin } from '../ldapSync';
import { GrafanaState, User } from '../state';

/** POST /login with `{"user": "<login or email>", "password": "..."}`, as Grafana's login form posts it. */
export function loginRoutes(state: GrafanaState): Router {
  const router = Router();

  router.post('/login', (req, res) => {
    const form = bind(req, { user: 'string', password: 'string' });
    if (!form) {
      sendMessage(res, 400, 'bad request data');
      return;
    }
    const user = authenticate(state, form.user, form.password);
    // Unknown user, wrong password, disabled user and every LDAP refusal get the same answer.
    if (!user) {
      sendMessage(res, 401, 'Invalid username or password');
      return;
    }
    signIn(state, req, res, user);
    sendMessage(res, 200, 'Logged in');
  });

  return router;
}

/** Grafana's password clients: LDAP for its users while it is enabled, the database password for everyone else. */
function authenticate(state: GrafanaState, username: string, password: string): User | null {
  const viaLdap = ldapLogin(state, username, password);
  if (viaLdap !== 'not-ldap') {
    return viaLdap === 'refused' ? null : viaLdap;
  }
  const user = state.findByLoginOrEmail(username);
  return user && !user.isDisabled && user.password !== null && user.password === password ? user : null;
}
