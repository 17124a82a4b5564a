/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { CHROME_WINDOWS_UA, sessionCookie, TestSandbox } from './testSupport';

const PAGE = '/a/sessioncontrol-admin-app/sessions';

function bootDataOf(html: string) {
  const json = /window\.grafanaBootData = (.*);<\/script>/.exec(html)![1];
  return JSON.parse(json);
}

describe('the app page', () => {
  let sandbox: TestSandbox;
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-page-'));
    writeFileSync(join(dir, 'index.html'), '<html><script>window.grafanaBootData = %BOOT_DATA%;</script></html>');
    writeFileSync(join(dir, 'plugin.json'), JSON.stringify({ info: { version: '9.9.9' } }));
    writeFileSync(join(dir, 'module.js'), 'export const plugin = 1;');
    sandbox = await TestSandbox.start({ indexHtml: join(dir, 'index.html'), distDir: dir });
  });
  afterEach(() => sandbox.close());

  it("signs a browser without a session in as the seed's viewer and puts the user in the boot data", async () => {
    const reply = await sandbox.request('GET', PAGE, { userAgent: CHROME_WINDOWS_UA });
    expect(reply.status).toBe(200);
    const cookie = sessionCookie(reply.headers);
    expect(cookie).toBeDefined();
    const boot = bootDataOf(reply.body);
    expect(boot.user).toMatchObject({
      id: 1,
      login: 'admin',
      isSignedIn: true,
      isGrafanaAdmin: true,
      orgId: 1,
      orgName: 'Main Org.',
      orgRole: 'Admin',
      theme: 'dark',
      lightTheme: false,
      analytics: { identifier: 'admin' },
    });
    expect(boot.user.permissions).toMatchObject({
      'users:read': true,
      'users.authtoken:read': true,
      'users:logout': true,
    });
    expect(boot.settings.buildInfo).toMatchObject({ version: '11.6.7', edition: 'Open Source' });
    expect(boot.settings.appUrl).toBe(`${sandbox.base}/`);
    expect(boot.settings.apps['sessioncontrol-admin-app']).toEqual({
      id: 'sessioncontrol-admin-app',
      path: 'public/plugins/sessioncontrol-admin-app/module.js',
      version: '9.9.9',
      preload: false,
    });

    const tokens = await sandbox.get('/api/user/auth-tokens', cookie);
    expect(tokens.body.find((t: { isActive: boolean }) => t.isActive)).toMatchObject({
      browser: 'Chrome',
      os: 'Windows',
    });
  });

  it('keeps the session the browser already has', async () => {
    const judy = await sandbox.login('judy', 'judy');
    const reply = await sandbox.get(PAGE, judy);
    expect(sessionCookie(reply.headers)).toBeUndefined();
    const user = bootDataOf(reply.body).user;
    expect(user).toMatchObject({ login: 'judy', isGrafanaAdmin: false, orgRole: 'Admin' });
    expect(user.permissions).toEqual({ 'org.users:read': true, 'org.users:write': true });
    const viewer = bootDataOf((await sandbox.get(PAGE, await sandbox.login('viewer', 'viewer'))).body).user;
    expect(viewer.permissions).toEqual({});
  });

  it('sends a browser whose session was revoked to the sign-in page, as Grafana does, and signs it in from there', async () => {
    const admin = await sandbox.login('admin', 'admin');
    const bob = await sandbox.login('bob', 'bob');
    expect((await sandbox.post('/api/admin/users/2/logout', admin)).status).toBe(200);
    const reply = await sandbox.get(PAGE, bob);
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe('/login');
    expect(reply.headers.get('set-cookie')).toMatch(/grafana_session=;/);
    // Reloading without the cookie still lands on the sign-in page, not on the seed's viewer.
    const marker = /sandbox_signed_out=1/.exec(reply.headers.get('set-cookie')!)![0];
    expect((await sandbox.get(PAGE, marker)).headers.get('location')).toBe('/login');
    const form = await sandbox.get('/login');
    expect(form.status).toBe(200);
    expect(form.body).toContain('Sign in to the Grafana sandbox');
    const again = await sandbox.login('bob', 'bob');
    expect(bootDataOf((await sandbox.get(PAGE, again)).body).user.login).toBe('bob');
  });

  it('redirects the root to the sessions page', async () => {
    const reply = await sandbox.get('/');
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe(PAGE);
    expect(sessionCookie(reply.headers)).toBeDefined();
  });

  it('remembers the theme asked for in the query', async () => {
    const light = await sandbox.get(`${PAGE}?theme=light`);
    expect(bootDataOf(light.body).user).toMatchObject({ theme: 'light', lightTheme: true });
    const cookies = [sessionCookie(light.headers), 'sandbox_theme=light'].join('; ');
    expect(bootDataOf((await sandbox.get(PAGE, cookies)).body).user.theme).toBe('light');
  });

  it('escapes < in the boot data so no seed value can close the script element', async () => {
    sandbox.state.users.get(1)!.name = '</script><b>x';
    const reply = await sandbox.get(PAGE);
    expect(reply.body).not.toContain('</script><b>');
    expect(bootDataOf(reply.body).user.name).toBe('</script><b>x');
  });

  it('serves the built plugin and answers 404 for missing files', async () => {
    const module = await sandbox.get('/public/plugins/sessioncontrol-admin-app/module.js');
    expect(module.status).toBe(200);
    expect(module.body).toContain('plugin');
    expect((await sandbox.get('/public/plugins/sessioncontrol-admin-app/nope.js')).status).toBe(404);
  });

  it('answers unknown API routes with 404 and offers no test hooks unless asked', async () => {
    const admin = await sandbox.login('admin', 'admin');
    expect(await sandbox.get('/api/sandbox/reset', admin)).toMatchObject({
      status: 404,
      body: { message: 'Not found' },
    });
    expect((await sandbox.post('/__sandbox/reset', admin)).status).toBe(404);
  });
});

describe('test hooks', () => {
  it('reloads the seed into fresh state, ending every session made since', async () => {
    const sandbox = await TestSandbox.start({ testHooks: true });
    try {
      const admin = await sandbox.login('admin', 'admin');
      await sandbox.request('PATCH', '/api/orgs/1/users/2', { cookie: admin, body: { role: 'Viewer' } });
      const reset = await sandbox.request('POST', '/__sandbox/reset');
      expect(reset.status).toBe(200);
      expect((await sandbox.get('/api/user/auth-tokens', admin)).status).toBe(401);
      const fresh = await sandbox.login('admin', 'admin');
      expect((await sandbox.get('/api/users/2/orgs', fresh)).body[0].role).toBe('Admin');
    } finally {
      await sandbox.close();
    }
  });
});
