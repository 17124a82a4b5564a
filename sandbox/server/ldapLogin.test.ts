/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import {
  sessionCookie,
  smallLdapSeed,
  smallSeed,
  STAFF_GROUP,
  TestSandbox,
  usersWithDanaSessions,
} from './testSupport';

const VIEWERS = 'cn=viewers,ou=groups,dc=example,dc=com';
const OPS = 'cn=ops,ou=groups,dc=example,dc=com';
const REFUSED = { status: 401, body: { message: 'Invalid username or password' } };

describe('LDAP login with the default seed', () => {
  let sandbox: TestSandbox;
  let admin: string;
  beforeEach(async () => {
    sandbox = await TestSandbox.start({ testHooks: true });
    admin = await sandbox.login('admin', 'admin');
  });
  afterEach(() => sandbox.close());

  const setGroups = (login: string, groups: string[]) =>
    sandbox.request('POST', '/__sandbox/ldap/groups', { body: { login, groups } });
  const setConfig = (body: object) => sandbox.request('POST', '/__sandbox/ldap/config', { body });
  const orgsOf = async (id: number) => (await sandbox.get(`/api/users/${id}/orgs`, admin)).body;
  const profileOf = async (id: number) => (await sandbox.get(`/api/users/${id}`, admin)).body;

  it('re-applies the mapping at the next login: dana, moved to cn=viewers, becomes a Viewer', async () => {
    const before = await sandbox.login('dana', 'dana');
    await setGroups('dana', [VIEWERS]);
    expect(await orgsOf(3)).toEqual([{ orgId: 1, name: 'Main Org.', role: 'Admin' }]);
    await sandbox.login('dana', 'dana');
    expect(await orgsOf(3)).toEqual([{ orgId: 1, name: 'Main Org.', role: 'Viewer' }]);
    // Sessions opened before are left alone; only the login applies the change.
    expect((await sandbox.get('/api/user/auth-tokens', before)).status).toBe(200);
  });

  it('corrects drift: hank signs in and is a Viewer again', async () => {
    await sandbox.login('hank', 'hank');
    expect(await orgsOf(15)).toEqual([{ orgId: 1, name: 'Main Org.', role: 'Viewer' }]);
  });

  it('adds the memberships the mapping gives and drops those it does not', async () => {
    await setGroups('hank', [OPS]);
    await sandbox.login('hank', 'hank');
    expect(await orgsOf(15)).toEqual([
      { orgId: 1, name: 'Main Org.', role: 'Viewer' },
      { orgId: 2, name: 'Ops', role: 'Editor' },
    ]);
    await setGroups('carol', [VIEWERS]);
    await sandbox.login('carol', 'carol');
    expect(await orgsOf(13)).toEqual([{ orgId: 1, name: 'Main Org.', role: 'Viewer' }]);
  });

  it('keeps dave in Sandbox, an unmapped org he is the only Admin of', async () => {
    await sandbox.login('dave', 'dave');
    expect(await orgsOf(14)).toEqual([
      { orgId: 1, name: 'Main Org.', role: 'Viewer' },
      { orgId: 4, name: 'Sandbox', role: 'Admin' },
    ]);
  });

  it('clears a server admin flag granted by hand when no mapping grants it', async () => {
    await setConfig({ skipOrgRoleSync: true });
    const grant = await sandbox.request('PUT', '/api/admin/users/13/permissions', {
      cookie: admin,
      body: { isGrafanaAdmin: true },
    });
    expect(grant.status).toBe(200);
    await setConfig({ skipOrgRoleSync: false });
    expect((await profileOf(13)).isGrafanaAdmin).toBe(true);
    await sandbox.login('carol', 'carol');
    expect((await profileOf(13)).isGrafanaAdmin).toBe(false);
  });

  it('refuses a wrong LDAP password without touching the user', async () => {
    expect(await sandbox.request('POST', '/login', { body: { user: 'dana', password: 'admin' } })).toMatchObject(
      REFUSED
    );
    expect((await profileOf(3)).isDisabled).toBe(false);
  });

  it('refuses every LDAP login while no server can be reached, and disables nobody', async () => {
    await setConfig({ available: false });
    expect(await sandbox.request('POST', '/login', { body: { user: 'dana', password: 'dana' } })).toMatchObject(
      REFUSED
    );
    expect((await profileOf(3)).isDisabled).toBe(false);
    expect((await sandbox.request('POST', '/login', { body: { user: 'bob', password: 'bob' } })).status).toBe(200);
  });

  describe('with skip_org_role_sync', () => {
    beforeEach(() => setConfig({ skipOrgRoleSync: true }));

    it('reports LDAP users as not synced, so that role edits are allowed and last', async () => {
      expect(await profileOf(3)).toMatchObject({ isExternallySynced: false, isGrafanaAdminExternallySynced: false });
      const patch = await sandbox.request('PATCH', '/api/orgs/1/users/3', { cookie: admin, body: { role: 'Viewer' } });
      expect(patch).toMatchObject({ status: 200, body: { message: 'Organization user updated' } });
      await sandbox.login('dana', 'dana');
      expect(await orgsOf(3)).toEqual([{ orgId: 1, name: 'Main Org.', role: 'Viewer' }]);
    });

    it('still takes name and email from the directory', async () => {
      sandbox.state.ldap.directory.find((e) => e.login === 'hank')!.name = 'Hank Morgan-Reyes';
      await sandbox.login('hank', 'hank');
      expect(await profileOf(15)).toMatchObject({ name: 'Hank Morgan-Reyes' });
      expect(await orgsOf(15)).toEqual([{ orgId: 1, name: 'Main Org.', role: 'Editor' }]);
    });
  });

  it('blocks role edits again once sync is back on', async () => {
    await setConfig({ skipOrgRoleSync: true });
    await setConfig({ skipOrgRoleSync: false });
    const patch = await sandbox.request('PATCH', '/api/orgs/1/users/3', { cookie: admin, body: { role: 'Viewer' } });
    expect(patch.body).toMatchObject({ messageId: 'org.externallySynced' });
  });
});

describe('LDAP login with small seeds', () => {
  let sandbox: TestSandbox | undefined;
  afterEach(() => sandbox?.close());

  const login = (user: string, password: string) => sandbox!.request('POST', '/login', { body: { user, password } });

  it('disables a user gone from the directory, ends their sessions and refuses the login', async () => {
    sandbox = await TestSandbox.start({ seed: smallLdapSeed({ directory: [] }, { users: usersWithDanaSessions() }) });
    expect(await login('dana', 'dana')).toMatchObject(REFUSED);
    expect(sandbox.state.users.get(3)!.isDisabled).toBe(true);
    expect(sandbox.state.sessions.listValid(3)).toEqual([]);
  });

  it('refuses a user no mapping matches, without disabling them', async () => {
    const directory = [{ login: 'dana', groups: ['cn=contractors,ou=groups,dc=example,dc=com'] }];
    sandbox = await TestSandbox.start({ seed: smallLdapSeed({ directory }, { users: usersWithDanaSessions() }) });
    const reply = await login('dana', 'dana');
    expect(reply).toMatchObject(REFUSED);
    expect(sessionCookie(reply.headers)).toBeUndefined();
    expect(sandbox.state.users.get(3)!.isDisabled).toBe(false);
    expect(sandbox.state.sessions.listValid(3)).toHaveLength(2);
  });

  it('binds with the directory password and takes name, email and the admin flag from LDAP', async () => {
    const directory = [
      {
        login: 'dana',
        name: 'Dana Ops-Lee',
        email: 'dana.lee@example.com',
        password: 'from-ldap',
        groups: [STAFF_GROUP],
      },
    ];
    const mappings = [{ groupDn: STAFF_GROUP, orgRole: 'Editor', grafanaAdmin: true }];
    sandbox = await TestSandbox.start({ seed: smallLdapSeed({ directory, mappings }) });
    expect(await login('dana', 'dana')).toMatchObject(REFUSED);
    expect((await login('dana', 'from-ldap')).status).toBe(200);
    expect(sandbox.state.users.get(3)).toMatchObject({
      name: 'Dana Ops-Lee',
      email: 'dana.lee@example.com',
      isGrafanaAdmin: true,
    });
  });

  it('re-enables a disabled user whom LDAP still allows', async () => {
    const users = smallSeed().users.map((u) => (u.login === 'dana' ? { ...u, isDisabled: true } : u));
    sandbox = await TestSandbox.start({ seed: smallLdapSeed({}, { users }) });
    expect((await login('dana', 'dana')).status).toBe(200);
    expect(sandbox.state.users.get(3)!.isDisabled).toBe(false);
  });

  it('creates the Grafana user at the first LDAP login of a directory user (allow_sign_up)', async () => {
    const directory = [{ login: 'nina', name: 'Nina Berg', email: 'nina@example.com', password: 'nina', groups: [] }];
    const mappings = [{ groupDn: '*', orgId: 2, orgRole: 'Editor' }];
    sandbox = await TestSandbox.start({ seed: smallLdapSeed({ directory, mappings }) });
    const cookie = sessionCookie((await login('nina', 'nina')).headers)!;
    const nina = sandbox.state.findByLoginOrEmail('nina')!;
    expect(nina).toMatchObject({ id: 4, name: 'Nina Berg', authModule: 'ldap', orgId: 2, isGrafanaAdmin: false });
    expect(sandbox.state.membershipsOf(nina.id)).toEqual([{ orgId: 2, name: 'Ops', role: 'Editor' }]);
    expect((await sandbox.get('/api/user/auth-tokens', cookie)).body).toHaveLength(1);
  });

  it('leaves LDAP users to their Grafana password while LDAP is off', async () => {
    sandbox = await TestSandbox.start({ seed: smallSeed() });
    expect((await login('dana', 'dana')).status).toBe(200);
    expect(sandbox.state.syncFlags(sandbox.state.users.get(3)!).isExternallySynced).toBe(false);
  });
});

describe('LDAP test hooks', () => {
  let sandbox: TestSandbox;
  beforeEach(async () => {
    sandbox = await TestSandbox.start({ testHooks: true });
  });
  afterEach(() => sandbox.close());

  const hook = (path: string, body: unknown) => sandbox.request('POST', `/__sandbox/ldap/${path}`, { body });

  it('sets the groups of a directory entry', async () => {
    expect(await hook('groups', { login: 'Dana', groups: [VIEWERS] })).toMatchObject({
      status: 200,
      body: { message: 'LDAP groups updated', login: 'dana', groups: [VIEWERS] },
    });
    expect(sandbox.state.ldap.directory.find((e) => e.login === 'dana')!.groups).toEqual([VIEWERS]);
  });

  it('answers 404 for a login the directory does not hold, and 400 for a malformed body', async () => {
    expect(await hook('groups', { login: 'bob', groups: [] })).toMatchObject({
      status: 404,
      body: { message: 'no LDAP directory entry with login "bob"' },
    });
    expect((await hook('groups', { login: 'dana', groups: 'cn=x' })).status).toBe(400);
    expect((await hook('config', { skipOrgRoleSync: 'yes' })).status).toBe(400);
    expect((await hook('config', { mappings: [] })).status).toBe(400);
  });

  it('switches LDAP, role sync and server availability, and reports the result', async () => {
    expect(await hook('config', { skipOrgRoleSync: true, available: false })).toMatchObject({
      status: 200,
      body: { enabled: true, skipOrgRoleSync: true, servers: [{ host: 'ldap.example.com', available: false }] },
    });
    expect((await hook('config', { enabled: false })).body.enabled).toBe(false);
    expect(sandbox.state.ldap).toMatchObject({ enabled: false, skipOrgRoleSync: true });
  });

  it('reports LDAP in the boot data as the config says', async () => {
    const ldapEnabled = async () => {
      const html: string = (await sandbox.get('/a/sessioncontrol-admin-app/sessions')).body;
      return JSON.parse(/window\.grafanaBootData = (.*);<\/script>/.exec(html)![1]).settings.ldapEnabled;
    };
    expect(await ldapEnabled()).toBe(true);
    await hook('config', { enabled: false });
    expect(await ldapEnabled()).toBe(false);
  });

  it('restores the seed on reset', async () => {
    await hook('groups', { login: 'dana', groups: [] });
    await hook('config', { enabled: false, skipOrgRoleSync: true, available: false });
    await sandbox.request('POST', '/__sandbox/reset');
    expect(sandbox.state.ldap).toMatchObject({
      enabled: true,
      skipOrgRoleSync: false,
      servers: [{ available: true }],
    });
    expect(sandbox.state.ldap.directory.find((e) => e.login === 'dana')!.groups).toHaveLength(2);
    expect(sandbox.state.seed.ldap.directory.find((e) => e.login === 'dana')!.groups).toHaveLength(2);
  });

  it('is not mounted without --test-hooks', async () => {
    const plain = await TestSandbox.start();
    try {
      expect((await plain.request('POST', '/__sandbox/ldap/config', { body: { enabled: false } })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
