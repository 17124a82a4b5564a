/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { TestSandbox } from './testSupport';

describe('who may call what', () => {
  let sandbox: TestSandbox;
  let judy: string;
  beforeAll(async () => {
    sandbox = await TestSandbox.start();
    judy = await sandbox.login('judy', 'judy');
  });
  afterAll(() => sandbox.close());

  it.each([
    ['GET', '/api/users/search?perpage=10', 'users:read'],
    ['GET', '/api/users', 'users:read'],
    ['GET', '/api/users/2', 'users:read'],
    ['GET', '/api/users/2/orgs', 'users:read'],
    ['GET', '/api/admin/users/2/auth-tokens', 'users.authtoken:read'],
    ['POST', '/api/admin/users/2/revoke-auth-token', 'users.authtoken:write'],
    ['POST', '/api/admin/users/2/logout', 'users:logout'],
    ['POST', '/api/admin/users/2/disable', 'users:disable'],
    ['POST', '/api/admin/users/2/enable', 'users:enable'],
    ['GET', '/api/admin/stats', 'server.stats:read'],
    ['GET', '/api/admin/settings', 'settings:read'],
  ])('denies %s %s to an org admin who is not a server admin, naming %s', async (method, path, action) => {
    const reply = await sandbox.request(method, path, { cookie: judy, body: method === 'POST' ? {} : undefined });
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({
      title: 'Access denied',
      message: `You'll need additional permissions to perform this action. Permissions needed: ${action}`,
      accessErrorId: expect.stringMatching(/^ACE\d{10}$/),
    });
  });

  it('denies the server admin flag through the legacy admin check first', async () => {
    const reply = await sandbox.request('PUT', '/api/admin/users/2/permissions', {
      cookie: judy,
      body: { isGrafanaAdmin: true },
    });
    expect(reply).toMatchObject({ status: 403, body: { message: 'Permission denied' } });
  });

  it("lets an org admin read and edit their own org's members only", async () => {
    expect((await sandbox.get('/api/orgs/1/users', judy)).status).toBe(200);
    expect((await sandbox.get('/api/org/users/search', judy)).body.orgUsers.length).toBeGreaterThan(0);
    const otherOrg = await sandbox.get('/api/orgs/2/users', judy);
    expect(otherOrg.status).toBe(403);
    expect(otherOrg.body.message).toMatch(/Permissions needed: org.users:read$/);
    const patchOther = await sandbox.request('PATCH', '/api/orgs/2/users/9', {
      cookie: judy,
      body: { role: 'Viewer' },
    });
    expect(patchOther.status).toBe(403);
    expect(patchOther.body.message).toMatch(/Permissions needed: org.users:write$/);
  });

  it('denies org member lists to a plain viewer', async () => {
    const viewer = await sandbox.login('viewer', 'viewer');
    const reply = await sandbox.get('/api/org/users', viewer);
    expect(reply.status).toBe(403);
    expect(reply.body.title).toBe('Access denied');
  });

  it('lets a server admin who is only a Viewer in the org manage its members', async () => {
    const ivan = await sandbox.login('ivan', 'ivan');
    expect((await sandbox.get('/api/users/search', ivan)).status).toBe(200);
    expect((await sandbox.get('/api/orgs/3/users', ivan)).status).toBe(200);
  });
});
