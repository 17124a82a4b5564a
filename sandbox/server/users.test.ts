/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { smallSeed, TestSandbox } from './testSupport';

describe('user lists', () => {
  let sandbox: TestSandbox;
  let admin: string;
  beforeAll(async () => {
    sandbox = await TestSandbox.start();
    admin = await sandbox.login('admin', 'admin');
  });
  afterAll(() => sandbox.close());

  it('pages the user search and reports the total', async () => {
    const first = await sandbox.get('/api/users/search?perpage=10&page=1', admin);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ totalCount: sandbox.state.users.size, page: 1, perPage: 10 });
    expect(first.body.users).toHaveLength(10);
    const logins = first.body.users.map((u: { login: string }) => u.login);
    expect(logins).toEqual([...logins].sort());

    const last = await sandbox.get(
      `/api/users/search?perpage=10&page=${Math.ceil(sandbox.state.users.size / 10)}`,
      admin
    );
    expect(last.body.users.length).toBeGreaterThan(0);
    expect((await sandbox.get('/api/users/search?perpage=10&page=99', admin)).body.users).toEqual([]);
    expect((await sandbox.get('/api/users/search', admin)).body.perPage).toBe(1000);
  });

  it('sorts by last seen: lastSeenAtAge-desc puts the most recently seen first', async () => {
    const desc = (await sandbox.get('/api/users/search?perpage=3&sort=lastSeenAtAge-desc', admin)).body.users;
    expect(desc.map((u: { login: string }) => u.login)).toEqual(['zoe', 'bob', 'admin']);
    expect(desc.map((u: { lastSeenAtAge: string }) => u.lastSeenAtAge)).toEqual(['1 minute', '2 minutes', '5 minutes']);
    const asc = (await sandbox.get('/api/users/search?perpage=1000&sort=lastSeenAtAge-asc', admin)).body.users;
    const times = asc.map((u: { lastSeenAt: string }) => Date.parse(u.lastSeenAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(asc[0].lastSeenAtAge).toMatch(/^1\d years$/);
  });

  it('answers an unknown sort option with the typed 400', async () => {
    const reply = await sandbox.get('/api/users/search?sort=lastSeen-desc', admin);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ message: 'Bad request', messageId: 'unknown sorting option', statusCode: 400 });
  });

  it('searches login, name and email by substring', async () => {
    const reply = await sandbox.get('/api/users/search?query=BAKER', admin);
    expect(reply.body.totalCount).toBe(1);
    expect(reply.body.users[0]).toEqual({
      id: 2,
      uid: expect.any(String),
      name: 'Bob Baker',
      login: 'bob',
      email: 'bob@example.com',
      avatarUrl: '/avatar/4b9bb80620f03eb3719e0a061c14283d',
      isAdmin: false,
      isDisabled: false,
      lastSeenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      lastSeenAtAge: '2 minutes',
      authLabels: [],
    });
    const ldap = await sandbox.get('/api/users?query=dana', admin);
    expect(ldap.body).toHaveLength(1);
    expect(ldap.body[0].authLabels).toEqual(['LDAP']);
  });

  it('reads one user profile with its sync flags', async () => {
    const dana = await sandbox.get('/api/users/3', admin);
    expect(dana.body).toMatchObject({
      id: 3,
      login: 'dana',
      orgId: 1,
      isGrafanaAdmin: false,
      isExternal: true,
      isExternallySynced: true,
      isGrafanaAdminExternallySynced: true,
      authLabels: ['LDAP'],
      theme: '',
    });
    const gina = await sandbox.get('/api/users/12', admin);
    expect(gina.body).toMatchObject({ isExternallySynced: true, isGrafanaAdminExternallySynced: false });
    expect(gina.body.authLabels).toEqual(['Generic OAuth']);
  });

  it('answers unknown and malformed user ids as Grafana 11 does', async () => {
    expect(await sandbox.get('/api/users/999', admin)).toMatchObject({
      status: 404,
      body: { message: 'user not found' },
    });
    expect(await sandbox.get('/api/users/bob', admin)).toMatchObject({
      status: 400,
      body: { message: 'id is invalid' },
    });
    expect(await sandbox.get('/api/admin/users/999/auth-tokens', admin)).toMatchObject({
      status: 404,
      body: { message: 'User not found' },
    });
    expect((await sandbox.get('/api/users/999/orgs', admin)).body).toEqual([]);
  });

  it('lists org members with null auth labels for local users', async () => {
    const reply = await sandbox.get('/api/orgs/2/users/search?perpage=50', admin);
    expect(Object.keys(reply.body)).toEqual(['totalCount', 'orgUsers', 'page', 'perPage']);
    const kim = reply.body.orgUsers.find((u: { login: string }) => u.login === 'kim');
    expect(kim).toMatchObject({ orgId: 2, userId: 9, role: 'Admin', authLabels: null, isExternallySynced: false });
    const rita = reply.body.orgUsers.find((u: { login: string }) => u.login === 'rita');
    expect(rita).toMatchObject({ authLabels: ['Auth Proxy'], isExternallySynced: true });
    const list = await sandbox.get('/api/org/users?limit=2', admin);
    expect(list.body).toHaveLength(2);
  });

  it('shows token-less users with no sessions and OAuth sessions with their provider', async () => {
    expect((await sandbox.get('/api/admin/users/7/auth-tokens', admin)).body).toEqual([]);
    const gina = (await sandbox.get('/api/admin/users/12/auth-tokens', admin)).body;
    expect(gina).toEqual([expect.objectContaining({ id: 115, authModule: 'Generic OAuth', isActive: false })]);
    const uma = (await sandbox.get('/api/admin/users/10/auth-tokens', admin)).body;
    expect(uma).toHaveLength(4);
  });
});

describe('user ids on Grafana 12', () => {
  it('resolves a uid in place of a numeric id, and answers an unknown one with 404', async () => {
    const sandbox = await TestSandbox.start({ seed: smallSeed({ grafanaVersion: '12.0.0' }) });
    try {
      const admin = await sandbox.login('admin', 'admin');
      const uid = sandbox.state.users.get(2)!.uid;
      expect((await sandbox.get(`/api/users/${uid}`, admin)).body.login).toBe('bob');
      expect((await sandbox.get(`/api/admin/users/${uid}/auth-tokens`, admin)).status).toBe(200);
      expect(await sandbox.get('/api/users/nosuchuid', admin)).toMatchObject({
        status: 404,
        body: { message: 'User not found' },
      });
    } finally {
      await sandbox.close();
    }
  });
});

describe('server stats', () => {
  it('counts users by highest org role and sessions rotated within 30 days', async () => {
    const sandbox = await TestSandbox.start({ seed: smallSeed() });
    try {
      const admin = await sandbox.login('admin', 'admin');
      const stats = (await sandbox.get('/api/admin/stats', admin)).body;
      expect(stats).toMatchObject({ orgs: 2, users: 3, admins: 2, editors: 1, viewers: 0, activeUsers: 2 });
      // Four seeded rows plus the new one; the expired ones still count, as in Grafana.
      expect(stats.activeSessions).toBe(5);
      expect(stats.dailyActiveSessions).toBe(3);
    } finally {
      await sandbox.close();
    }
  });
});
