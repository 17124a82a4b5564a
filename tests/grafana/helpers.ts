import { AppPage, expect, GotoAppPageArgs } from '@grafana/plugin-e2e';
import { APIRequestContext, Page, request } from '@playwright/test';
import { execFileSync } from 'child_process';

import { waitForInventory } from '../e2e/helpers';

/** Helpers for the journeys against a real Grafana started by docker-compose.yaml. */

export const PLUGIN_ID = 'sessioncontrol-admin-app';
export const GRAFANA_URL = process.env.GRAFANA_URL ?? 'http://localhost:3000';
const ADMIN_USER = process.env.GRAFANA_ADMIN_USER ?? 'admin';
const ADMIN_PASSWORD = process.env.GRAFANA_ADMIN_PASSWORD ?? 'admin';

/** Grafana's API as the admin (basic auth), for preparing and undoing what a journey needs. */
export async function adminApi(): Promise<APIRequestContext> {
  const credentials = Buffer.from(`${ADMIN_USER}:${ADMIN_PASSWORD}`).toString('base64');
  return request.newContext({ baseURL: GRAFANA_URL, extraHTTPHeaders: { Authorization: `Basic ${credentials}` } });
}

/** A browser-less client signed in as a user, like that user's own browser: one new session. */
export async function signedInAs(login: string, password = login): Promise<APIRequestContext> {
  const client = await request.newContext({ baseURL: GRAFANA_URL });
  const response = await client.post('/login', { data: { user: login, password } });
  expect(response.status(), `POST /login as ${login}: ${await response.text()}`).toBe(200);
  return client;
}

export async function userId(api: APIRequestContext, login: string): Promise<number> {
  const response = await api.get(`/api/users/search?query=${encodeURIComponent(login)}`);
  expect(response.status(), `user search for ${login}`).toBe(200);
  const { users } = (await response.json()) as { users: Array<{ id: number; login: string }> };
  const user = users.find((u) => u.login === login);
  expect(user, `user ${login}`).toBeDefined();
  return user!.id;
}

/** Ends every session of a user through the API, so that a journey starts from sessions it made itself. */
export async function signOutEverywhere(api: APIRequestContext, login: string) {
  const response = await api.post(`/api/admin/users/${await userId(api, login)}/logout`);
  expect(response.status(), `sign ${login} out`).toBe(200);
}

export async function openSessions(
  gotoAppPage: (args: GotoAppPageArgs) => Promise<AppPage>,
  page: Page
): Promise<void> {
  await gotoAppPage({ pluginId: PLUGIN_ID, path: '/sessions' });
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  await waitForInventory(page);
}

export async function findUser(page: Page, login: string) {
  await page.getByPlaceholder(/Search login/).fill(login);
  return page.getByTestId(`user-${login}`);
}

/** ldapmodify's exit status for "no such attribute" and "type or value exists": the change was already made. */
const ALREADY_SO = new Set([16, 20]);

/**
 * Changes the demo directory as its administrator would: ldapmodify inside the compose file's ldap service, so run
 * the journeys from the repository root with the stack up. -c goes on past a change that was already made.
 */
export function ldapModify(ldif: string) {
  const ldapmodify = ['-c', '-x', '-H', 'ldap://localhost', '-D', 'cn=admin,dc=example,dc=com', '-w', 'admin'];
  try {
    execFileSync('docker', ['compose', 'exec', '-T', 'ldap', 'ldapmodify', ...ldapmodify], {
      input: ldif,
      stdio: 'pipe',
    });
  } catch (error) {
    const { status, stderr } = error as { status?: number; stderr?: Buffer };
    if (status === undefined || !ALREADY_SO.has(status)) {
      throw new Error(`docker compose exec ldap ldapmodify failed (${status}): ${stderr?.toString() ?? error}`);
    }
  }
}

/** LDIF that moves a person from one group to another. */
export function moveBetweenGroups(login: string, from: string, to: string): string {
  const member = `member: uid=${login},ou=people,dc=example,dc=com`;
  const change = (group: string, op: 'add' | 'delete') =>
    [`dn: cn=${group},ou=groups,dc=example,dc=com`, `changetype: modify`, `${op}: member`, member, ''].join('\n');
  return `${change(from, 'delete')}\n${change(to, 'add')}`;
}
