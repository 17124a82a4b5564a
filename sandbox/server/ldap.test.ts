/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { smallLdapSeed, smallSeed, STAFF_GROUP, TestSandbox, usersWithDanaSessions } from './testSupport';

const ADMINS = 'cn=admins,ou=groups,dc=example,dc=com';
const VIEWERS = 'cn=viewers,ou=groups,dc=example,dc=com';
const VPN_USERS = 'cn=vpn-users,ou=groups,dc=example,dc=com';
const NOT_ENABLED = { status: 400, body: { message: 'LDAP is not enabled' } };

async function started(seed?: object) {
  const sandbox = await TestSandbox.start({ testHooks: true, ...(seed ? { seed } : {}) });
  return { sandbox, admin: await sandbox.login('admin', 'admin') };
}

describe('LDAP API with the default seed', () => {
  let sandbox: TestSandbox;
  let admin: string;
  beforeEach(async () => ({ sandbox, admin } = await started()));
  afterEach(() => sandbox.close());

  const setGroups = (login: string, groups: string[]) =>
    sandbox.request('POST', '/__sandbox/ldap/groups', { body: { login, groups } });
  const setConfig = (body: object) => sandbox.request('POST', '/__sandbox/ldap/config', { body });

  it('reports the configured servers', async () => {
    expect(await sandbox.get('/api/admin/ldap/status', admin)).toMatchObject({
      status: 200,
      body: [{ host: 'ldap.example.com', port: 389, available: true, error: '' }],
    });
  });

  it('still answers 200 when no server can be reached, with the dial error of each', async () => {
    await setConfig({ available: false });
    expect((await sandbox.get('/api/admin/ldap/status', admin)).body).toEqual([
      {
        host: 'ldap.example.com',
        port: 389,
        available: false,
        error: 'LDAP Result Code 200 "Network Error": dial tcp ldap.example.com:389: i/o timeout',
      },
    ]);
  });

  it("shows how dana would be mapped, in Grafana's LDAPUserDTO", async () => {
    const reply = await sandbox.get('/api/admin/ldap/dana', admin);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      name: { cfgAttrValue: 'givenName', ldapValue: 'Dana' },
      surname: { cfgAttrValue: 'sn', ldapValue: 'Ops' },
      email: { cfgAttrValue: 'mail', ldapValue: 'dana@example.com' },
      login: { cfgAttrValue: 'uid', ldapValue: 'dana' },
      isGrafanaAdmin: false,
      isDisabled: false,
      roles: [
        { orgId: 1, orgName: 'Main Org.', orgRole: 'Admin', groupDN: ADMINS },
        { orgId: 0, orgName: '', orgRole: '', groupDN: VPN_USERS },
      ],
      teams: null,
    });
  });

  it('takes the first matching mapping per org in config order, and lists the groups it passed over', async () => {
    await setGroups('dana', [
      VIEWERS,
      'CN=Admins,OU=Groups,DC=example,DC=com',
      'CN=VPN-Users,ou=groups,dc=example,dc=com',
    ]);
    const { roles } = (await sandbox.get('/api/admin/ldap/dana', admin)).body;
    expect(roles).toEqual([
      { orgId: 1, orgName: 'Main Org.', orgRole: 'Admin', groupDN: ADMINS },
      { orgId: 0, orgName: '', orgRole: '', groupDN: VIEWERS },
      { orgId: 0, orgName: '', orgRole: '', groupDN: VPN_USERS },
    ]);
  });

  it('maps a user of no Main Org. group through "*", leaving the admin flag unset', async () => {
    const carol = (await sandbox.get('/api/admin/ldap/carol', admin)).body;
    expect(carol.roles).toEqual([
      { orgId: 2, orgName: 'Ops', orgRole: 'Viewer', groupDN: 'cn=ops-viewers,ou=groups,dc=example,dc=com' },
      { orgId: 1, orgName: 'Main Org.', orgRole: 'Viewer', groupDN: '*' },
    ]);
    expect(carol).toMatchObject({ isGrafanaAdmin: null, isDisabled: false });
  });

  it('finds a user by mail as well as by uid, and answers 404 for nobody', async () => {
    expect((await sandbox.get('/api/admin/ldap/hank%40example.com', admin)).body.login.ldapValue).toBe('hank');
    expect(await sandbox.get('/api/admin/ldap/nobody', admin)).toMatchObject({
      status: 404,
      body: { message: 'No user was found in the LDAP server(s) with that username' },
    });
  });

  it('answers the same 404 when no server can be reached', async () => {
    await setConfig({ available: false });
    expect((await sandbox.get('/api/admin/ldap/dana', admin)).status).toBe(404);
  });

  it('reports the admin flag as unknown and nobody as disabled while org role sync is skipped', async () => {
    await setConfig({ skipOrgRoleSync: true });
    const dana = (await sandbox.get('/api/admin/ldap/dana', admin)).body;
    expect(dana).toMatchObject({ isGrafanaAdmin: null, isDisabled: false });
    expect(dana.roles[0]).toEqual({ orgId: 1, orgName: 'Main Org.', orgRole: 'Admin', groupDN: ADMINS });
  });

  it('syncs a moved user at once: new role, sessions kept', async () => {
    const dana = await sandbox.login('dana', 'dana');
    await setGroups('dana', [VIEWERS]);
    expect(await sandbox.post('/api/admin/ldap/sync/3', admin)).toMatchObject({
      status: 200,
      body: { message: 'User synced successfully' },
    });
    expect((await sandbox.get('/api/users/3/orgs', admin)).body).toEqual([
      { orgId: 1, name: 'Main Org.', role: 'Viewer' },
    ]);
    expect((await sandbox.get('/api/user/auth-tokens', dana)).status).toBe(200);
    expect((await sandbox.get('/api/admin/users/3/auth-tokens', admin)).body).toHaveLength(3);
  });

  it('corrects drift on sync: hank goes back to the Viewer role his group maps to', async () => {
    expect((await sandbox.post('/api/admin/ldap/sync/15', admin)).status).toBe(200);
    expect((await sandbox.get('/api/users/15/orgs', admin)).body).toEqual([
      { orgId: 1, name: 'Main Org.', role: 'Viewer' },
    ]);
  });

  it('keeps the sole Admin of an org no mapping covers in that org', async () => {
    expect((await sandbox.post('/api/admin/ldap/sync/14', admin)).status).toBe(200);
    expect((await sandbox.get('/api/users/14/orgs', admin)).body).toEqual([
      { orgId: 1, name: 'Main Org.', role: 'Viewer' },
      { orgId: 4, name: 'Sandbox', role: 'Admin' },
    ]);
  });

  it.each([
    ['bob', 2],
    ['gina', 12],
    ['nobody', 999],
  ])('answers 404 for %s, who is not an LDAP user', async (_login, id) => {
    expect(await sandbox.post(`/api/admin/ldap/sync/${id}`, admin)).toMatchObject({
      status: 404,
      body: { message: 'user not found' },
    });
  });

  it('takes numeric ids only', async () => {
    const uid = sandbox.state.users.get(3)!.uid;
    expect(await sandbox.post(`/api/admin/ldap/sync/${uid}`, admin)).toMatchObject({
      status: 400,
      body: { message: 'id is invalid' },
    });
  });

  it('cannot sync while no server can be reached', async () => {
    await setConfig({ available: false });
    expect(await sandbox.post('/api/admin/ldap/sync/3', admin)).toMatchObject({
      status: 400,
      body: { message: 'Something went wrong while finding the user in LDAP' },
    });
    expect(sandbox.state.users.get(3)!.isDisabled).toBe(false);
  });

  it('reloads the config', async () => {
    expect(await sandbox.post('/api/admin/ldap/reload', admin)).toMatchObject({
      status: 200,
      body: { message: 'LDAP config reloaded' },
    });
  });

  it.each([
    ['GET', '/api/admin/ldap/status'],
    ['GET', '/api/admin/ldap/dana'],
    ['POST', '/api/admin/ldap/sync/3'],
    ['POST', '/api/admin/ldap/reload'],
  ])('answers %s %s with 400 once LDAP is disabled', async (method, path) => {
    await setConfig({ enabled: false });
    expect(await sandbox.request(method, path, { cookie: admin })).toMatchObject(NOT_ENABLED);
  });

  it.each([
    ['GET', '/api/admin/ldap/status', 'ldap.status:read'],
    ['GET', '/api/admin/ldap/dana', 'ldap.user:read'],
    ['POST', '/api/admin/ldap/sync/3', 'ldap.user:sync'],
    ['POST', '/api/admin/ldap/reload', 'ldap.config:reload'],
  ])('denies %s %s to an org admin who is not a server admin, naming %s', async (method, path, action) => {
    const judy = await sandbox.login('judy', 'judy');
    await setConfig({ enabled: false });
    const reply = await sandbox.request(method, path, { cookie: judy });
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({
      title: 'Access denied',
      message: `You'll need additional permissions to perform this action. Permissions needed: ${action}`,
      accessErrorId: expect.stringMatching(/^ACE\d{10}$/),
    });
  });
});

describe('LDAP API with small seeds', () => {
  let sandbox: TestSandbox | undefined;
  afterEach(() => sandbox?.close());

  it('answers 400 on every LDAP endpoint when the seed has no "ldap" object', async () => {
    let admin: string;
    ({ sandbox, admin } = await started(smallSeed()));
    for (const [method, path] of [
      ['GET', '/api/admin/ldap/status'],
      ['GET', '/api/admin/ldap/dana'],
      ['POST', '/api/admin/ldap/sync/x'],
      ['POST', '/api/admin/ldap/reload'],
    ]) {
      expect(await sandbox.request(method, path, { cookie: admin })).toMatchObject(NOT_ENABLED);
    }
  });

  it('lists every server with its own error, and tries the next server when one is down', async () => {
    const servers = [
      { host: 'ldap1.example.com', port: 636, available: false, error: 'LDAP Result Code 200 "Network Error": EOF' },
      { host: 'ldap2.example.com', port: 636 },
    ];
    let admin: string;
    ({ sandbox, admin } = await started(smallLdapSeed({ servers })));
    expect((await sandbox.get('/api/admin/ldap/status', admin)).body).toEqual([
      { host: 'ldap1.example.com', port: 636, available: false, error: 'LDAP Result Code 200 "Network Error": EOF' },
      { host: 'ldap2.example.com', port: 636, available: true, error: '' },
    ]);
    expect((await sandbox.get('/api/admin/ldap/dana', admin)).status).toBe(200);
  });

  it('marks a user no mapping matches as disabled, listing only their groups', async () => {
    const directory = [{ login: 'dana', groups: ['cn=Contractors,ou=groups,dc=example,dc=com'] }];
    let admin: string;
    ({ sandbox, admin } = await started(smallLdapSeed({ directory })));
    expect((await sandbox.get('/api/admin/ldap/dana', admin)).body).toMatchObject({
      isGrafanaAdmin: null,
      isDisabled: true,
      roles: [{ orgId: 0, orgName: '', orgRole: '', groupDN: 'cn=contractors,ou=groups,dc=example,dc=com' }],
    });
  });

  it('gives roles as null when there is neither a match nor a group, as Go encodes an empty slice', async () => {
    let admin: string;
    ({ sandbox, admin } = await started(smallLdapSeed({ directory: [{ login: 'dana', groups: [] }] })));
    expect((await sandbox.get('/api/admin/ldap/dana', admin)).body).toMatchObject({ isDisabled: true, roles: null });
  });

  it('reports the server admin flag a matched mapping grants', async () => {
    const mappings = [
      { groupDn: STAFF_GROUP, orgRole: 'Editor', grafanaAdmin: false },
      { groupDn: STAFF_GROUP, orgId: 2, grafanaAdmin: true },
    ];
    let admin: string;
    ({ sandbox, admin } = await started(smallLdapSeed({ mappings })));
    expect((await sandbox.get('/api/admin/ldap/dana', admin)).body).toMatchObject({
      isGrafanaAdmin: true,
      roles: [
        { orgId: 1, orgName: 'Main Org.', orgRole: 'Editor', groupDN: STAFF_GROUP },
        { orgId: 2, orgName: 'Ops', orgRole: '', groupDN: STAFF_GROUP },
      ],
    });
  });

  it('disables a user gone from the directory and ends their sessions, answering 400', async () => {
    let admin: string;
    ({ sandbox, admin } = await started(smallLdapSeed({ directory: [] }, { users: usersWithDanaSessions() })));
    expect((await sandbox.get('/api/admin/users/3/auth-tokens', admin)).body).toHaveLength(2);
    expect(await sandbox.post('/api/admin/ldap/sync/3', admin)).toMatchObject({
      status: 400,
      body: { message: 'User not found in LDAP. Disabled the user without updating information' },
    });
    expect((await sandbox.get('/api/users/3', admin)).body.isDisabled).toBe(true);
    expect((await sandbox.get('/api/admin/users/3/auth-tokens', admin)).body).toEqual([]);
  });

  it('refuses to disable the configured admin user, and changes nothing', async () => {
    let admin: string;
    const seed = smallLdapSeed({ directory: [], adminUser: 'dana' }, { users: usersWithDanaSessions() });
    ({ sandbox, admin } = await started(seed));
    expect(await sandbox.post('/api/admin/ldap/sync/3', admin)).toMatchObject({
      status: 400,
      body: { message: 'Refusing to sync grafana super admin "dana" - it would be disabled' },
    });
    expect((await sandbox.get('/api/users/3', admin)).body.isDisabled).toBe(false);
    expect((await sandbox.get('/api/admin/users/3/auth-tokens', admin)).body).toHaveLength(2);
  });

  it('re-enables a disabled user whom LDAP still has', async () => {
    const users = smallSeed().users.map((u) => (u.login === 'dana' ? { ...u, isDisabled: true } : u));
    let admin: string;
    ({ sandbox, admin } = await started(smallLdapSeed({}, { users })));
    expect((await sandbox.post('/api/admin/ldap/sync/3', admin)).status).toBe(200);
    expect((await sandbox.get('/api/users/3', admin)).body.isDisabled).toBe(false);
  });

  it('fails without changing anything when the mapping would leave an org without an Admin', async () => {
    const users = smallSeed().users.map((u) =>
      u.login === 'dana'
        ? {
            ...u,
            orgs: [
              { orgId: 1, role: 'Editor' },
              { orgId: 2, role: 'Admin' },
            ],
          }
        : u
    );
    const bobOnlyInMain = users.map((u) => (u.login === 'bob' ? { ...u, orgs: [{ orgId: 1, role: 'Admin' }] } : u));
    const mappings = [{ groupDn: '*', orgId: 2, orgRole: 'Viewer' }];
    let admin: string;
    ({ sandbox, admin } = await started(smallLdapSeed({ mappings }, { users: bobOnlyInMain })));
    expect(await sandbox.post('/api/admin/ldap/sync/3', admin)).toMatchObject({
      status: 500,
      body: { message: 'Failed to update the user' },
    });
    expect((await sandbox.get('/api/users/3/orgs', admin)).body).toEqual([
      { orgId: 1, name: 'Main Org.', role: 'Editor' },
      { orgId: 2, name: 'Ops', role: 'Admin' },
    ]);
  });
});
