// A small stateful Grafana for component tests: users with orgs and sessions behind the same
// routes the plugin calls, answering with Grafana's status codes and messages.
import { Answer, FakeBackend } from './fakeBackend';
import { profileJson, searchHitJson, tokenJson } from './grafanaJson';

export interface FakeUser {
  id: number;
  login: string;
  authLabels?: string[];
  isServerAdmin?: boolean;
  isExternallySynced?: boolean;
  /** Grafana's answer to any org role change, when it refuses (e.g. a stale sync flag, last admin). */
  roleChangeRefusal?: { status: number; body: unknown };
  orgs: Array<{ orgId: number; name: string; role: string }>;
  sessions: Array<Record<string, unknown>>;
}

export interface FakeLdap {
  /** LDAPUserDTO by login; a login without an entry answers 404 like Grafana. */
  users: Record<string, unknown>;
  /** Answer of POST /api/admin/ldap/sync/:id by user id; default: apply the LDAP roles and answer 200. */
  sync?: Record<number, Answer | (() => Answer)>;
  servers?: unknown[];
}

export function fakeGrafana(users: FakeUser[], viewerId: number, ldap?: FakeLdap): FakeBackend {
  const backend = new FakeBackend();
  const orgIds = [...new Set(users.flatMap((u) => u.orgs.map((o) => o.orgId)))];
  for (const orgId of orgIds) {
    backend.route(`GET /api/orgs/${orgId}/users`, () => ({
      body: users.flatMap((u) =>
        u.orgs.filter((o) => o.orgId === orgId).map((o) => ({ orgId, userId: u.id, login: u.login, role: o.role }))
      ),
    }));
  }
  if (ldap) {
    installLdap(backend, users, ldap);
  }
  const hit = (u: FakeUser) =>
    searchHitJson(u.id, u.login, { isAdmin: !!u.isServerAdmin, authLabels: u.authLabels ?? [] });

  backend.route('GET /api/users/search', () => ({
    body: { totalCount: users.length, page: 1, perPage: 100, users: users.map(hit) },
  }));
  for (const user of users) {
    backend
      .route(`GET /api/users/${user.id}`, () => ({
        body: profileJson(user.id, user.login, {
          isGrafanaAdmin: !!user.isServerAdmin,
          authLabels: user.authLabels ?? [],
          isExternallySynced: !!user.isExternallySynced,
          isGrafanaAdminExternallySynced: !!user.isExternallySynced,
        }),
      }))
      .route(`GET /api/users/${user.id}/orgs`, () => ({ body: user.orgs }))
      .route(`GET /api/admin/users/${user.id}/auth-tokens`, () => ({
        body: user.sessions.map((s) => tokenJson(s.id as number, { ...s, isActive: s.isActive === true })),
      }))
      .route(`POST /api/admin/users/${user.id}/logout`, () => {
        if (user.id === viewerId) {
          return { status: 400, body: { message: 'You cannot logout yourself' } };
        }
        user.sessions = [];
        return { body: { message: 'User logged out' } };
      })
      .route(`POST /api/admin/users/${user.id}/revoke-auth-token`, ({ data }) => {
        const id = (data as { authTokenId: number }).authTokenId;
        const session = user.sessions.find((s) => s.id === id);
        if (!session) {
          return { status: 404, body: { message: 'User auth token not found' } };
        }
        if (session.isActive) {
          return { status: 400, body: { message: 'Cannot revoke active user auth token' } };
        }
        user.sessions = user.sessions.filter((s) => s !== session);
        return { body: { message: 'User auth token revoked' } };
      })
      .route(`PUT /api/admin/users/${user.id}/permissions`, ({ data }) => {
        if (user.isExternallySynced) {
          return { status: 403, body: { message: 'Cannot change Grafana Admin role for externally synced user' } };
        }
        user.isServerAdmin = (data as { isGrafanaAdmin: boolean }).isGrafanaAdmin;
        return { body: { message: 'User permissions updated' } };
      });
    for (const org of user.orgs) {
      backend.route(`PATCH /api/orgs/${org.orgId}/users/${user.id}`, ({ data }) => {
        if (user.roleChangeRefusal) {
          return user.roleChangeRefusal;
        }
        if (user.isExternallySynced) {
          return {
            status: 403,
            body: {
              message: 'cannot change role for externally synced user',
              messageId: 'org.externallySynced',
              statusCode: 403,
            },
          };
        }
        org.role = (data as { role: string }).role;
        return { body: { message: 'Organization user updated' } };
      });
    }
  }
  return backend.install();
}

function installLdap(backend: FakeBackend, users: FakeUser[], ldap: FakeLdap) {
  backend.route('GET /api/admin/ldap/status', () => ({
    body: ldap.servers ?? [{ host: 'ldap.example.com', port: 389, available: true, error: '' }],
  }));
  for (const user of users) {
    backend.route(`GET /api/admin/ldap/${user.login}`, () =>
      ldap.users[user.login]
        ? { body: ldap.users[user.login] }
        : { status: 404, body: { message: 'No user was found in the LDAP server(s) with that username' } }
    );
    backend.route(`POST /api/admin/ldap/sync/${user.id}`, () => {
      const answer = ldap.sync?.[user.id];
      if (answer) {
        return typeof answer === 'function' ? answer() : answer;
      }
      const dto = ldap.users[user.login] as { roles: Array<{ orgId: number; orgName: string; orgRole: string }> };
      user.orgs = dto.roles
        .filter((r) => r.orgId > 0)
        .map((r) => ({ orgId: r.orgId, name: r.orgName, role: r.orgRole }));
      return { body: { message: 'User synced successfully' } };
    });
  }
}
