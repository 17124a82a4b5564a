import { createHash } from 'crypto';

import { hasExternalSession, isKnownAuthModule, knownAuthModules, LOCAL } from './authModules';
import { Fields } from './seedFields';
import { ORG_ROLES, OrgRole, SeedSession, SeedUser } from './seedTypes';
import { neverSeen } from './time';

const USER_FIELDS = [
  'id',
  'uid',
  'login',
  'name',
  'email',
  'password',
  'isGrafanaAdmin',
  'isDisabled',
  'authModule',
  'isExternallySynced',
  'isGrafanaAdminExternallySynced',
  'lastSeenAt',
  'createdAt',
  'orgId',
  'orgs',
  'sessions',
];
const SESSION_FIELDS = [
  'id',
  'clientIp',
  'browser',
  'browserVersion',
  'os',
  'osVersion',
  'device',
  'authModule',
  'createdAt',
  'seenAt',
];

export function readUser(raw: unknown, index: number, now: number, problems: string[]): SeedUser {
  const login = (raw as { login?: unknown })?.login;
  const where = `users[${index}]${typeof login === 'string' ? ` (${login})` : ''}`;
  const f = Fields.of(raw, where, problems, USER_FIELDS) ?? new Fields({}, where, [], []);
  const authModule = f.string('authModule', LOCAL);
  if (!isKnownAuthModule(authModule)) {
    f.problem('authModule', `must be one of ${knownAuthModules().join(', ')} (got ${JSON.stringify(authModule)})`);
  }
  const isExternallySynced = optionalBool(f, 'isExternallySynced');
  if (isExternallySynced && authModule === LOCAL) {
    f.problem('isExternallySynced', 'cannot be true for a local user (authModule "")');
  }
  const sessions = f.list('sessions').map((s, i) => readSession(s, `${where} sessions[${i}]`, now, problems));
  const earliest = Math.min(now, ...sessions.map((s) => s.createdAt));
  const createdAt = f.time('createdAt', now, earliest);
  const orgs = f.list('orgs').map((m, i) => {
    const member = Fields.of(m, `${where} orgs[${i}]`, problems, ['orgId', 'role']);
    return { orgId: member?.id('orgId') ?? 0, role: member?.oneOf('role', ORG_ROLES) ?? ('Viewer' as OrgRole) };
  });
  const password = f.has('password') ? f.string('password') : null;
  const user: SeedUser = {
    id: f.id('id'),
    uid: f.string('uid', generatedUid(String(login))),
    login: f.string('login'),
    name: f.string('name', ''),
    email: f.string('email', ''),
    password,
    isGrafanaAdmin: f.bool('isGrafanaAdmin', false),
    isDisabled: f.bool('isDisabled', false),
    authModule,
    isExternallySynced,
    isGrafanaAdminExternallySynced: optionalBool(f, 'isGrafanaAdminExternallySynced'),
    createdAt,
    lastSeenAt: f.has('lastSeenAt') ? f.time('lastSeenAt', now, createdAt) : neverSeen(createdAt),
    orgId: f.has('orgId') ? f.id('orgId') : (orgs[0]?.orgId ?? 0),
    orgs,
    sessions,
  };
  if (user.isDisabled && sessions.length > 0) {
    f.problem('sessions', 'must be empty for a disabled user (Grafana revokes them when it disables a user)');
  }
  if (user.orgId && !orgs.some((m) => m.orgId === user.orgId)) {
    f.problem('orgId', `must be one of the user's orgs (got ${user.orgId})`);
  }
  return user;
}

function readSession(raw: unknown, where: string, now: number, problems: string[]): SeedSession {
  const f = Fields.of(raw, where, problems, SESSION_FIELDS) ?? new Fields({}, where, [], []);
  const createdAt = f.time('createdAt', now, now);
  const session: SeedSession = {
    id: f.id('id'),
    clientIp: f.string('clientIp', ''),
    browser: f.string('browser', 'Other'),
    browserVersion: f.string('browserVersion', ''),
    os: f.string('os', 'Other'),
    osVersion: f.string('osVersion', ''),
    device: f.string('device', 'Other'),
    authModule: f.string('authModule', LOCAL),
    createdAt,
    seenAt: f.time('seenAt', now, createdAt),
  };
  if (session.authModule !== LOCAL && !hasExternalSession(session.authModule)) {
    f.problem(
      'authModule',
      `must be "" or an OAuth/SAML module such as "oauth_generic_oauth" (got ${JSON.stringify(session.authModule)})`
    );
  }
  if (session.seenAt < session.createdAt) {
    f.problem('seenAt', 'must not be before createdAt');
  }
  return session;
}

function optionalBool(f: Fields, key: string): boolean | null {
  return f.has(key) ? f.bool(key, false) : null;
}

/** A stable 14-character uid, shaped like Grafana's short uids. */
export function generatedUid(login: string): string {
  return 'u' + createHash('sha1').update(login).digest('hex').slice(0, 13);
}
