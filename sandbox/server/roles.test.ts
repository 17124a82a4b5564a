/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { TestSandbox } from './testSupport';

describe('org roles', () => {
  let sandbox: TestSandbox;
  let admin: string;
  beforeEach(async () => {
    sandbox = await TestSandbox.start();
    admin = await sandbox.login('admin', 'admin');
  });
  afterEach(() => sandbox.close());

  const patch = (path: string, cookie: string, body: unknown, headers?: Record<string, string>) =>
    sandbox.request('PATCH', path, { cookie, body, headers });

  it('demotes a local user and reads the new role back', async () => {
    const reply = await patch('/api/orgs/1/users/2', admin, { role: 'Viewer' });
    expect(reply).toMatchObject({ status: 200, body: { message: 'Organization user updated' } });
    expect((await sandbox.get('/api/users/2/orgs', admin)).body).toEqual([
      { orgId: 1, name: 'Main Org.', role: 'Viewer' },
    ]);
  });

  it('refuses to change the role of an externally synced user with the typed 403', async () => {
    const reply = await patch('/api/orgs/1/users/3', admin, { role: 'Viewer' });
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({
      message: 'cannot change role for externally synced user',
      messageId: 'org.externallySynced',
      statusCode: 403,
    });
    expect((await sandbox.get('/api/users/3/orgs', admin)).body[0].role).toBe('Admin');
  });

  it('refuses to leave an org without an admin', async () => {
    const reply = await patch('/api/orgs/2/users/9', admin, { role: 'Viewer' });
    expect(reply).toMatchObject({
      status: 400,
      body: { message: 'Cannot change role so that there is no organization admin left' },
    });
    expect((await sandbox.get('/api/users/9/orgs', admin)).body).toContainEqual({
      orgId: 2,
      name: 'Ops',
      role: 'Admin',
    });
  });

  it.each([
    [{ role: 'viewer' }, 400, 'Invalid role specified'],
    [{ role: 'Grafana Admin' }, 400, 'Invalid role specified'],
    [{}, 400, 'Invalid role specified'],
    [{ role: 3 }, 400, 'bad request data'],
  ])('answers %j with %i %s', async (body, status, message) => {
    const reply = await patch('/api/orgs/1/users/2', admin, body);
    expect(reply).toMatchObject({ status, body: { message } });
  });

  it('answers a change for a non-member as Grafana does (the update fails)', async () => {
    const reply = await patch('/api/orgs/3/users/2', admin, { role: 'Viewer' });
    expect(reply).toMatchObject({ status: 500, body: { message: 'Failed update org user' } });
  });

  it('rejects ids that are not numbers', async () => {
    expect((await patch('/api/orgs/x/users/2', admin, { role: 'Viewer' })).body).toEqual({
      message: 'orgId is invalid',
    });
    expect((await patch('/api/org/users/bob', admin, { role: 'Viewer' })).body).toEqual({
      message: 'userId is invalid',
    });
  });

  it("changes a role in the caller's current org, or the org named by X-Grafana-Org-Id", async () => {
    expect((await patch('/api/org/users/5', admin, { role: 'Editor' })).status).toBe(200);
    const kim = await sandbox.login('kim', 'kim');
    const inOps = await patch('/api/org/users/8', kim, { role: 'Viewer' }, { 'X-Grafana-Org-Id': '2' });
    expect(inOps.status).toBe(403); // rita is auth-proxy synced
    const ritaRoles = (await sandbox.get('/api/users/8/orgs', admin)).body;
    expect(ritaRoles).toEqual([{ orgId: 2, name: 'Ops', role: 'Editor' }]);
    const ivanInOps = await patch('/api/org/users/6', kim, { role: 'Viewer' }, { 'X-Grafana-Org-Id': '2' });
    expect(ivanInOps.status).toBe(200);
    expect((await sandbox.get('/api/users/6/orgs', admin)).body).toContainEqual({
      orgId: 2,
      name: 'Ops',
      role: 'Viewer',
    });
  });

  it('refuses an org admin a role above the one they hold in their current org', async () => {
    const kim = await sandbox.login('kim', 'kim');
    const reply = await patch('/api/orgs/2/users/6', kim, { role: 'Admin' });
    expect(reply).toMatchObject({ status: 403, body: { message: "Cannot assign a role higher than user's role" } });
  });
});

describe('server admin flag', () => {
  let sandbox: TestSandbox;
  let admin: string;
  beforeEach(async () => {
    sandbox = await TestSandbox.start();
    admin = await sandbox.login('admin', 'admin');
  });
  afterEach(() => sandbox.close());

  const put = (id: number | string, body: unknown) =>
    sandbox.request('PUT', `/api/admin/users/${id}/permissions`, { cookie: admin, body });

  it('grants and removes the flag', async () => {
    expect(await put(2, { isGrafanaAdmin: true })).toMatchObject({
      status: 200,
      body: { message: 'User permissions updated' },
    });
    expect((await sandbox.get('/api/users/2', admin)).body.isGrafanaAdmin).toBe(true);
    expect((await put(2, { isGrafanaAdmin: false })).status).toBe(200);
    expect((await sandbox.get('/api/users/2', admin)).body.isGrafanaAdmin).toBe(false);
  });

  it('refuses to change the flag of a user whose admin flag is synced from LDAP', async () => {
    expect(await put(3, { isGrafanaAdmin: true })).toMatchObject({
      status: 403,
      body: { message: 'Cannot change Grafana Admin role for externally synced user' },
    });
  });

  it('refuses to remove the last server admin', async () => {
    const serverAdmins = [...sandbox.state.users.values()].filter((u) => u.isGrafanaAdmin).map((u) => u.id);
    for (const id of serverAdmins.filter((id) => id !== 1)) {
      expect((await put(id, { isGrafanaAdmin: false })).status).toBe(200);
    }
    expect(await put(1, { isGrafanaAdmin: false })).toMatchObject({
      status: 400,
      body: { message: 'Cannot remove last grafana admin' },
    });
    expect(sandbox.state.users.get(1)!.isGrafanaAdmin).toBe(true);
  });

  it('answers a flag that is not a boolean with bad request data', async () => {
    expect(await put(2, { isGrafanaAdmin: 'yes' })).toMatchObject({
      status: 400,
      body: { message: 'bad request data' },
    });
  });
});
