import { randomInt } from 'crypto';
import { NextFunction, Request, RequestHandler, Response } from 'express';

import { sendMessage } from './http';
import { Session } from './sessions';
import { GrafanaState, User } from './state';
import { parseUserAgent } from './userAgent';

export const SESSION_COOKIE = 'grafana_session';
/** Not Grafana's: marks a browser whose session ended, so the sandbox does not sign it in as the viewer again. */
export const SIGNED_OUT_COOKIE = 'sandbox_signed_out';

/**
 * For a request that came with a session cookie that is no longer valid: drops the cookie, as Grafana does, and
 * marks the browser signed out. True when there was such a cookie.
 */
export function dropDeadSession(req: Request, res: Response): boolean {
  if (!req.cookies?.[SESSION_COOKIE]) {
    return false;
  }
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  res.cookie(SIGNED_OUT_COOKIE, '1', { path: '/', httpOnly: true, sameSite: 'lax' });
  return true;
}

export interface Identity {
  user: User;
  session: Session;
}

/** The identity behind the request's session cookie, if the session is valid and the user enabled. */
export function identify(state: GrafanaState, req: Request): Identity | undefined {
  const secret = req.cookies?.[SESSION_COOKIE];
  const session = typeof secret === 'string' ? state.sessions.lookup(secret) : undefined;
  const user = session && state.users.get(session.userId);
  return session && user && !user.isDisabled ? { user, session } : undefined;
}

/** Creates a session row from the request's user agent and IP, and sets the cookie for it. */
export function signIn(state: GrafanaState, req: Request, res: Response, user: User): Identity {
  const now = state.clock.now();
  const { session, secret } = state.sessions.add({
    userId: user.id,
    clientIp: clientIp(req),
    ...parseUserAgent(req.get('user-agent') ?? ''),
    authModule: '',
    createdAt: now,
    seenAt: now,
  });
  res.clearCookie(SIGNED_OUT_COOKIE, { path: '/' });
  res.cookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    path: '/',
    sameSite: 'lax',
    maxAge: state.seed.maxLifetimeMs,
  });
  return { user, session };
}

/** Every authenticated request rotates the session (at 10-minute granularity) and marks the user seen. */
export function markActivity(state: GrafanaState, req: Request, identity: Identity): void {
  state.sessions.touch(identity.session, clientIp(req));
  state.markSeen(identity.user);
}

/** /api/*: a valid session or 401, as Grafana answers for a dead or missing session. */
export function requireSession(state: GrafanaState): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const identity = identify(state, req);
    if (!identity) {
      dropDeadSession(req, res);
      sendMessage(res, 401, 'Unauthorized');
      return;
    }
    markActivity(state, req, identity);
    res.locals.identity = identity;
    next();
  };
}

export function identityOf(res: Response): Identity {
  return res.locals.identity as Identity;
}

/** RBAC denial, as ac.Middleware writes it. */
export function accessDenied(res: Response, action: string): void {
  res.status(403).json({
    title: 'Access denied',
    message: `You'll need additional permissions to perform this action. Permissions needed: ${action}`,
    accessErrorId: `ACE${randomInt(1e9, 1e10)}`,
  });
}

/** Actions granted only through the fixed roles of Grafana Admin in OSS (users, LDAP, stats). */
export function requireServerAdmin(action: string): RequestHandler {
  return (_req, res, next) => (identityOf(res).user.isGrafanaAdmin ? next() : accessDenied(res, action));
}

/** The legacy reqGrafanaAdmin middleware, which answers before any RBAC check. */
export const requireLegacyServerAdmin: RequestHandler = (_req, res, next) =>
  identityOf(res).user.isGrafanaAdmin ? next() : sendMessage(res, 403, 'Permission denied');

/** org.users:read/write: server admins everywhere, org Admins in their org. */
export function mayManageOrgUsers(state: GrafanaState, user: User, orgId: number): boolean {
  return user.isGrafanaAdmin || state.roleIn(orgId, user.id) === 'Admin';
}

/** The org a request acts in: the X-Grafana-Org-Id header when the user belongs to it, else the user's current org. */
export function currentOrgId(state: GrafanaState, req: Request, user: User): number {
  const header = Number(req.get('x-grafana-org-id'));
  return Number.isInteger(header) && state.roleIn(header, user.id) ? header : user.orgId;
}

export function clientIp(req: Request): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}
