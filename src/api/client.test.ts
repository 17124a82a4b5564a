import { FakeBackend } from '../test/fakeBackend';
import { getUserSessions, revokeSession, searchUsers, setOrgRole, setServerAdmin, signOutEverywhere } from './client';
import { GrafanaApiError } from './errors';

describe('Grafana API client', () => {
  let grafana: FakeBackend;
  beforeEach(() => {
    grafana = new FakeBackend().install();
  });

  it('pages user search with Grafana parameter names', async () => {
    grafana.route('GET /api/users/search', { body: { totalCount: 0, users: [], page: 2, perPage: 100 } });
    await searchUsers({ page: 2, perPage: 100, sort: 'lastSeenAtAge-asc' });
    expect(grafana.requests[0]).toMatchObject({ params: { perpage: 100, page: 2, sort: 'lastSeenAtAge-asc' } });
  });

  it('revokes one session by its numeric id', async () => {
    grafana.route('POST /api/admin/users/7/revoke-auth-token', { body: { message: 'User auth token revoked' } });
    await expect(revokeSession(7, 4211)).resolves.toBe('User auth token revoked');
    expect(grafana.requests[0].data).toEqual({ authTokenId: 4211 });
  });

  it('signs a user out everywhere without a body', async () => {
    grafana.route('POST /api/admin/users/7/logout', { body: { message: 'User logged out' } });
    await signOutEverywhere(7);
    expect(grafana.requests[0]).toMatchObject({ method: 'POST', path: '/api/admin/users/7/logout', data: undefined });
  });

  it('changes the org role in the named org, not the current one', async () => {
    grafana.route('PATCH /api/orgs/2/users/7', { body: { message: 'Organization user updated' } });
    await setOrgRole(2, 7, 'Viewer');
    expect(grafana.requests[0].data).toEqual({ role: 'Viewer' });
  });

  it('sets the server admin flag with the documented key', async () => {
    grafana.route('PUT /api/admin/users/7/permissions', { body: { message: 'User permissions updated' } });
    await setServerAdmin(7, false);
    expect(grafana.requests[0].data).toEqual({ isGrafanaAdmin: false });
  });

  it('carries status, message and messageId of a typed Grafana error', async () => {
    grafana.route('PATCH /api/orgs/1/users/7', {
      status: 403,
      body: {
        message: 'cannot change role for externally synced user',
        messageId: 'org.externallySynced',
        statusCode: 403,
      },
    });
    const error = await setOrgRole(1, 7, 'Viewer').catch((e) => e);
    expect(error).toBeInstanceOf(GrafanaApiError);
    expect(error).toMatchObject({
      status: 403,
      message: 'cannot change role for externally synced user',
      messageId: 'org.externallySynced',
      method: 'PATCH',
      url: '/api/orgs/1/users/7',
    });
  });

  it('names the missing permission of an RBAC denial', async () => {
    grafana.route('GET /api/admin/users/7/auth-tokens', {
      status: 403,
      body: {
        title: 'Access denied',
        message: "You'll need additional permissions to perform this action. Permissions needed: users.authtoken:read",
        accessErrorId: 'ACE1234567890',
      },
    });
    const error = await getUserSessions(7).catch((e) => e);
    expect(error.missingPermission).toBe('users.authtoken:read');
  });

  it('reports a body it cannot read as an error naming the field', async () => {
    grafana.route('GET /api/admin/users/7/auth-tokens', { body: { tokens: [] } });
    await expect(getUserSessions(7)).rejects.toThrow("Grafana's answer was not understood: session list is not a list");
  });

  it('refuses ids that are not positive whole numbers before calling Grafana', () => {
    expect(() => revokeSession(7, Number.NaN)).toThrow('Invalid session id');
    expect(grafana.requests).toHaveLength(0);
  });
});
