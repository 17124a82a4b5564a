/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { parseSeed, SeedError } from './seed';
import { smallLdapSeed, smallSeed, TestSandbox } from './testSupport';

const RBAC_DENIAL = {
  title: 'Access denied',
  message: "You'll need additional permissions to perform this action. Permissions needed: settings:read",
  accessErrorId: expect.stringMatching(/^ACE\d{10}$/),
};

describe('GET /api/admin/settings', () => {
  let sandbox: TestSandbox;
  let admin: string;
  afterEach(() => sandbox.close());

  async function start(seed: object) {
    sandbox = await TestSandbox.start({ seed, testHooks: true });
    admin = await sandbox.login('admin', 'admin');
  }

  it("reports the seed's session lifetimes in [auth], as strings, the way grafana.ini holds them", async () => {
    await start(smallSeed({ settings: { loginMaximumInactiveLifetime: '36h', loginMaximumLifetime: '14d' } }));
    const reply = await sandbox.get('/api/admin/settings', admin);
    expect(reply.status).toBe(200);
    expect(reply.body.auth).toMatchObject({
      login_maximum_inactive_lifetime_duration: '36h',
      login_maximum_lifetime_duration: '14d',
      token_rotation_interval_minutes: '10',
      login_cookie_name: 'grafana_session',
    });
    expect(reply.body.DEFAULT).toEqual({ app_mode: 'production', instance_name: 'sandbox' });
    for (const section of Object.values(reply.body) as Array<Record<string, unknown>>) {
      expect(Object.values(section).every((value) => typeof value === 'string')).toBe(true);
    }
  });

  it("falls back to Grafana's defaults, 7d and 30d, when the seed sets no lifetimes", async () => {
    await start(smallSeed());
    const { auth } = (await sandbox.get('/api/admin/settings', admin)).body;
    expect(auth.login_maximum_inactive_lifetime_duration).toBe('7d');
    expect(auth.login_maximum_lifetime_duration).toBe('30d');
  });

  it('redacts secrets as Grafana does, and leaves empty ones empty', async () => {
    await start(smallSeed());
    const { security, database } = (await sandbox.get('/api/admin/settings', admin)).body;
    expect(security).toMatchObject({ admin_user: 'admin', admin_password: '*********', secret_key: '*********' });
    expect(database.password).toBe('');
  });

  it('lists sections and keys in sorted order, as Go writes a map', async () => {
    await start(smallSeed());
    const reply = await sandbox.request('GET', '/api/admin/settings', { cookie: admin });
    const sections = Object.keys(reply.body);
    expect(sections).toEqual([...sections].sort());
    expect(sections).toEqual(expect.arrayContaining(['DEFAULT', 'auth', 'auth.ldap', 'security']));
    expect(Object.keys(reply.body.auth)).toEqual([...Object.keys(reply.body.auth)].sort());
  });

  it('shows the LDAP config in force in [auth.ldap], including changes made since start-up', async () => {
    await start(smallLdapSeed({ skipOrgRoleSync: true }));
    const before = (await sandbox.get('/api/admin/settings', admin)).body['auth.ldap'];
    expect(before).toMatchObject({ enabled: 'true', skip_org_role_sync: 'true' });
    await sandbox.post('/__sandbox/ldap/config', admin, { enabled: false });
    const after = (await sandbox.get('/api/admin/settings', admin)).body['auth.ldap'];
    expect(after).toMatchObject({ enabled: 'false', skip_org_role_sync: 'true' });
  });

  it('says enabled "false" for LDAP when the seed has no LDAP', async () => {
    await start(smallSeed());
    expect((await sandbox.get('/api/admin/settings', admin)).body['auth.ldap'].enabled).toBe('false');
  });

  it('denies a user who is not a server admin with the RBAC body naming settings:read', async () => {
    await start(smallSeed());
    const bob = await sandbox.login('bob', 'bob');
    const reply = await sandbox.get('/api/admin/settings', bob);
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual(RBAC_DENIAL);
  });

  it('denies even a server admin when the seed withholds settings:read', async () => {
    await start(smallSeed({ settingsReadable: false }));
    const reply = await sandbox.get('/api/admin/settings', admin);
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual(RBAC_DENIAL);
    // Only the settings: the rest of the admin API still answers.
    expect((await sandbox.get('/api/admin/stats', admin)).status).toBe(200);
  });

  it('withholds and restores access through the test hook, and a reset goes back to the seed', async () => {
    await start(smallSeed());
    const hook = await sandbox.post('/__sandbox/settings', admin, { readable: false });
    expect(hook.body).toEqual({ message: 'Settings access updated', readable: false });
    expect((await sandbox.get('/api/admin/settings', admin)).status).toBe(403);
    await sandbox.post('/__sandbox/settings', admin, { readable: true });
    expect((await sandbox.get('/api/admin/settings', admin)).status).toBe(200);

    await sandbox.post('/__sandbox/settings', admin, { readable: false });
    await sandbox.post('/__sandbox/reset', admin);
    const again = await sandbox.login('admin', 'admin');
    expect((await sandbox.get('/api/admin/settings', again)).status).toBe(200);
  });

  it('refuses a test hook body that is not {"readable": boolean}', async () => {
    await start(smallSeed());
    for (const body of [{}, { readable: 'no' }, { readable: false, other: 1 }]) {
      expect((await sandbox.post('/__sandbox/settings', admin, body)).status).toBe(400);
    }
  });
});

describe('the seed option settingsReadable', () => {
  it('defaults to true and must be a boolean', () => {
    expect(parseSeed(smallSeed()).settingsReadable).toBe(true);
    expect(parseSeed(smallSeed({ settingsReadable: false })).settingsReadable).toBe(false);
    expect(() => parseSeed(smallSeed({ settingsReadable: 'no' }))).toThrow(SeedError);
    expect(() => parseSeed(smallSeed({ settingsReadable: 'no' }))).toThrow(/"settingsReadable" must be true or false/);
  });
});
