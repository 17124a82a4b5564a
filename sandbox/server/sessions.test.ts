/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { CHROME_WINDOWS_UA, sessionCookie, smallSeed, TestSandbox } from './testSupport';

describe('sessions and cookies', () => {
  let sandbox: TestSandbox;
  beforeEach(async () => {
    sandbox = await TestSandbox.start();
  });
  afterEach(() => sandbox.close());

  it('signs in with login or email, sets an HttpOnly session cookie and marks only that session active', async () => {
    const reply = await sandbox.request('POST', '/login', {
      body: { user: 'admin@example.com', password: 'admin' },
      userAgent: CHROME_WINDOWS_UA,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ message: 'Logged in' });
    const setCookie = reply.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(
      /grafana_session=[0-9a-f]{32}; Max-Age=2592000; Path=\/; Expires=.*; HttpOnly; SameSite=Lax/
    );

    const tokens = await sandbox.get('/api/admin/users/1/auth-tokens', sessionCookie(reply.headers));
    expect(tokens.status).toBe(200);
    expect(tokens.body).toHaveLength(2);
    const mine = tokens.body.find((t: { isActive: boolean }) => t.isActive);
    expect(mine).toMatchObject({ browser: 'Chrome', browserVersion: '124.0', os: 'Windows', osVersion: '10' });
    expect(mine.device).toBe('Other');
    expect(mine.authModule).toBe('');
    expect(mine.id).toBeGreaterThan(1000);
    expect(tokens.body.filter((t: { isActive: boolean }) => t.isActive)).toHaveLength(1);
  });

  it('refuses a wrong password, an unknown user and a disabled user with the same 401', async () => {
    for (const [user, password] of [
      ['admin', 'nope'],
      ['nobody', 'x'],
      ['oscar', 'oscar'],
    ]) {
      const reply = await sandbox.request('POST', '/login', { body: { user, password } });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ message: 'Invalid username or password' });
      expect(sessionCookie(reply.headers)).toBeUndefined();
    }
  });

  it('answers 401 Unauthorized to API calls without a session', async () => {
    const reply = await sandbox.get('/api/user/auth-tokens');
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ message: 'Unauthorized' });
  });

  it('ends a revoked session at its next API call', async () => {
    const admin = await sandbox.login('admin', 'admin');
    const bob = await sandbox.login('bob', 'bob');
    const bobTokens = await sandbox.get('/api/user/auth-tokens', bob);
    const bobCurrent = bobTokens.body.find((t: { isActive: boolean }) => t.isActive);

    const revoke = await sandbox.post('/api/admin/users/2/revoke-auth-token', admin, { authTokenId: bobCurrent.id });
    expect(revoke).toMatchObject({ status: 200, body: { message: 'User auth token revoked' } });

    const after = await sandbox.get('/api/user/auth-tokens', bob);
    expect(after).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
    const again = await sandbox.post('/api/admin/users/2/revoke-auth-token', admin, { authTokenId: bobCurrent.id });
    expect(again).toMatchObject({ status: 404, body: { message: 'User auth token not found' } });
  });

  it('logs a user out everywhere: every old cookie gets 401 and no session is listed', async () => {
    const admin = await sandbox.login('admin', 'admin');
    const bobOne = await sandbox.login('bob', 'bob');
    const bobTwo = await sandbox.login('bob', 'bob');
    expect((await sandbox.get('/api/admin/users/2/auth-tokens', admin)).body).toHaveLength(4);

    const logout = await sandbox.post('/api/admin/users/2/logout', admin);
    expect(logout).toMatchObject({ status: 200, body: { message: 'User logged out' } });

    expect((await sandbox.get('/api/user/auth-tokens', bobOne)).status).toBe(401);
    expect((await sandbox.get('/api/user/auth-tokens', bobTwo)).status).toBe(401);
    expect((await sandbox.get('/api/admin/users/2/auth-tokens', admin)).body).toEqual([]);
  });

  it("refuses to revoke the caller's own current session and to log the caller out of everywhere", async () => {
    const admin = await sandbox.login('admin', 'admin');
    const own = (await sandbox.get('/api/user/auth-tokens', admin)).body.find((t: { isActive: boolean }) => t.isActive);

    const adminRevoke = await sandbox.post('/api/admin/users/1/revoke-auth-token', admin, { authTokenId: own.id });
    expect(adminRevoke).toMatchObject({ status: 400, body: { message: 'Cannot revoke active user auth token' } });
    const selfRevoke = await sandbox.post('/api/user/revoke-auth-token', admin, { authTokenId: own.id });
    expect(selfRevoke).toMatchObject({ status: 400, body: { message: 'Cannot revoke active user auth token' } });
    const logout = await sandbox.post('/api/admin/users/1/logout', admin);
    expect(logout).toMatchObject({ status: 400, body: { message: 'You cannot logout yourself' } });
    expect((await sandbox.get('/api/user/auth-tokens', admin)).status).toBe(200);
  });

  it("lets a user revoke their own other session but not someone else's", async () => {
    const bob = await sandbox.login('bob', 'bob');
    const revoke = await sandbox.post('/api/user/revoke-auth-token', bob, { authTokenId: 102 });
    expect(revoke).toMatchObject({ status: 200, body: { message: 'User auth token revoked' } });
    const foreign = await sandbox.post('/api/user/revoke-auth-token', bob, { authTokenId: 104 });
    expect(foreign).toMatchObject({ status: 404, body: { message: 'User auth token not found' } });
  });

  it('answers revoke requests as Grafana binds their bodies', async () => {
    const admin = await sandbox.login('admin', 'admin');
    const asString = await sandbox.post('/api/admin/users/2/revoke-auth-token', admin, { authTokenId: '102' });
    expect(asString).toMatchObject({ status: 400, body: { message: 'bad request data' } });
    const notJson = await sandbox.post('/api/admin/users/2/revoke-auth-token', admin, '{oops');
    expect(notJson).toMatchObject({ status: 400, body: { message: 'bad request data' } });
    const otherUsers = await sandbox.post('/api/admin/users/2/revoke-auth-token', admin, { authTokenId: 104 });
    expect(otherUsers).toMatchObject({ status: 404, body: { message: 'User auth token not found' } });
    const unknownUser = await sandbox.post('/api/admin/users/999/revoke-auth-token', admin, { authTokenId: 102 });
    expect(unknownUser).toMatchObject({ status: 404, body: { message: 'User not found' } });
    const noContentType = await sandbox.request('POST', '/api/admin/users/2/revoke-auth-token', {
      cookie: admin,
      body: '{"AuthTokenID": 102}',
      headers: { 'content-type': '' },
    });
    expect(noContentType).toMatchObject({ status: 200, body: { message: 'User auth token revoked' } });
  });

  it('disables a local user and ends their sessions, but refuses external users with 500', async () => {
    const admin = await sandbox.login('admin', 'admin');
    const bob = await sandbox.login('bob', 'bob');
    const disable = await sandbox.post('/api/admin/users/2/disable', admin);
    expect(disable).toMatchObject({ status: 200, body: { message: 'User disabled' } });
    expect((await sandbox.get('/api/user/auth-tokens', bob)).status).toBe(401);
    expect((await sandbox.get('/api/users/2', admin)).body.isDisabled).toBe(true);

    const ldap = await sandbox.post('/api/admin/users/3/disable', admin);
    expect(ldap).toMatchObject({ status: 500, body: { message: 'Could not disable external user' } });
    const enable = await sandbox.post('/api/admin/users/3/enable', admin);
    expect(enable).toMatchObject({ status: 500, body: { message: 'Could not enable external user' } });
    const unknown = await sandbox.post('/api/admin/users/999/disable', admin);
    expect(unknown).toMatchObject({ status: 404, body: { message: 'user not found' } });
  });
});

describe('session lifetimes with a fixed clock', () => {
  let sandbox: TestSandbox;
  beforeEach(async () => {
    sandbox = await TestSandbox.start({ seed: smallSeed() });
  });
  afterEach(() => sandbox.close());

  it('lists only sessions created within 30 days and seen within 7 days', async () => {
    const admin = await sandbox.login('admin', 'admin');
    const tokens = await sandbox.get('/api/admin/users/2/auth-tokens', admin);
    expect(tokens.body.map((t: { id: number }) => t.id).sort()).toEqual([11, 12]);
    expect(tokens.body.find((t: { id: number }) => t.id === 11)).toMatchObject({
      isActive: false,
      clientIp: '10.0.0.1',
      browser: 'Firefox',
      createdAt: '2026-11-30T10:00:00Z',
      seenAt: '2026-12-03T09:58:00Z',
    });
  });

  it('follows the configured lifetimes', async () => {
    const short = await TestSandbox.start({
      seed: smallSeed({ settings: { loginMaximumInactiveLifetime: '1h', loginMaximumLifetime: '2d' } }),
    });
    try {
      const admin = await short.login('admin', 'admin');
      const tokens = await short.get('/api/admin/users/2/auth-tokens', admin);
      expect(tokens.body.map((t: { id: number }) => t.id)).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it('expires a session that stays unused longer than the inactive lifetime', async () => {
    const bob = await sandbox.login('bob', 'bob');
    const start = sandbox.state.clock.now();
    sandbox.state.clock.set(start + 6 * 24 * 3600e3);
    expect((await sandbox.get('/api/user/auth-tokens', bob)).status).toBe(200);
    sandbox.state.clock.set(start + 12 * 24 * 3600e3);
    expect((await sandbox.get('/api/user/auth-tokens', bob)).status).toBe(200);
    sandbox.state.clock.set(start + 19 * 24 * 3600e3);
    expect((await sandbox.get('/api/user/auth-tokens', bob)).status).toBe(401);
  });

  it('moves seenAt and lastSeenAt only when they are 10 minutes old', async () => {
    const bob = await sandbox.login('bob', 'bob');
    const start = sandbox.state.clock.now();
    const seen = async () => (await sandbox.get('/api/user/auth-tokens', bob)).body.find((t: any) => t.isActive).seenAt;
    sandbox.state.clock.set(start + 5 * 60e3);
    expect(await seen()).toBe('2026-12-03T10:00:00Z');
    expect(sandbox.state.users.get(2)!.lastSeenAt).toBe(start - 2 * 60e3);
    sandbox.state.clock.set(start + 11 * 60e3);
    expect(await seen()).toBe('2026-12-03T10:11:00Z');
    expect(sandbox.state.users.get(2)!.lastSeenAt).toBe(start + 11 * 60e3);
  });
});
