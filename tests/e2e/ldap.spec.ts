import { expect, Page, test } from '@playwright/test';

import {
  expectAccessible,
  openSessionsPage,
  resetSandbox,
  screenshot,
  signedInClient,
  waitForInventory,
} from './helpers';

const ADMINS = 'cn=admins,ou=groups,dc=example,dc=com';
const VIEWERS = 'cn=viewers,ou=groups,dc=example,dc=com';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

async function refresh(page: Page) {
  await page.getByRole('button', { name: 'Refresh' }).click();
  await waitForInventory(page);
}

function rolesDrawer(page: Page, login: string) {
  return page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: `Roles of ${login}` }) });
}

test('dana is Admin by mistake through an LDAP group: the admin fixes the group, applies LDAP now and signs her out', async ({
  page,
  request,
  baseURL,
}) => {
  const dana = await signedInClient(baseURL!, 'dana');
  await openSessionsPage(page);
  await waitForInventory(page);
  await expect(page.getByTestId('ldap-status')).toContainText('ldap.example.com:389 reachable');
  await page.getByPlaceholder(/Search login/).fill('dana');
  const danaRows = page.getByTestId('user-dana');
  await expect(danaRows.getByText('Main Org.: Admin')).toBeVisible();

  // The editor is locked and names the group that grants Admin.
  await danaRows.getByRole('button', { name: 'Edit roles of dana' }).click();
  const drawer = rolesDrawer(page, 'dana');
  await expect(drawer.getByText('Org roles are managed outside Grafana')).toBeVisible();
  await expect(drawer.getByTestId('ldap-grants')).toContainText(
    `Main Org.: Admin in Grafana — LDAP grants Admin through group ${ADMINS}`
  );
  await expect(
    drawer.getByRole('radiogroup', { name: 'Role in Main Org.' }).getByLabel('Viewer', { exact: true })
  ).toBeDisabled();
  await screenshot(page, 'ldap1-locked-editor');
  await drawer.getByRole('button', { name: 'Cancel' }).click();

  // The directory admin moves dana from the admins group to the viewers group.
  const moved = await request.post('/__sandbox/ldap/groups', { data: { login: 'dana', groups: [VIEWERS] } });
  expect(moved.status()).toBe(200);

  // After a refresh the drift filter shows dana: Grafana says Admin, LDAP now maps Viewer.
  await refresh(page);
  await page.getByPlaceholder(/Search login/).fill('');
  await page.getByText('LDAP drift', { exact: true }).click();
  await expect(page.getByTestId('ldap-drift-dana')).toContainText('LDAP: Viewer in Main Org.');
  await expect(page.getByTestId('user-bob')).toHaveCount(0);
  await screenshot(page, 'ldap1-drift');

  await danaRows.getByRole('button', { name: 'Apply LDAP now to dana and sign out' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'Apply LDAP to dana now?' });
  await expect(confirm).toContainText('then ends all 3 sessions of dana');
  await confirm.getByRole('button', { name: 'Apply LDAP and sign out' }).click();
  await expect(danaRows.getByTestId('outcome-proof')).toContainText(
    /dana: role Viewer in Main Org\., 0 sessions \(checked \d\d:\d\d:\d\d\)/
  );
  await screenshot(page, 'ldap1-applied');

  // Her old cookie is dead; she signs in again and LDAP gives her Viewer.
  expect((await dana.get('/api/user/auth-tokens')).status()).toBe(401);
  const again = await signedInClient(baseURL!, 'dana');
  expect((await again.get('/api/user/auth-tokens')).status()).toBe(200);
  await refresh(page);
  // The drift filter stayed on, so the refresh re-read what LDAP maps her to: she no longer drifts, and stays in view
  // only because the admin just acted on her.
  await page.getByPlaceholder(/Search login/).fill('dana');
  await expect(danaRows.getByText('Main Org.: Viewer')).toBeVisible();
  await expect(danaRows.getByText('Matches LDAP')).toBeVisible();
  await expect(danaRows).toContainText('The filters do not match this user');
  // one session: the one she just signed in with
  await expect(danaRows.getByRole('button', { name: 'Sign dana out everywhere' })).toHaveText(/\(1\)/);
  await screenshot(page, 'ldap1-after-relogin');
  await expectAccessible(page);
});

test('with skip_org_role_sync the admin lowers an LDAP user by hand, and the role stays after her next login', async ({
  page,
  request,
  baseURL,
}) => {
  const config = await request.post('/__sandbox/ldap/config', { data: { skipOrgRoleSync: true } });
  expect(config.status()).toBe(200);
  const dana = await signedInClient(baseURL!, 'dana');

  await openSessionsPage(page);
  await waitForInventory(page);
  await page.getByPlaceholder(/Search login/).fill('dana');
  const danaRows = page.getByTestId('user-dana');
  await danaRows.getByRole('button', { name: 'Edit roles of dana' }).click();
  const drawer = rolesDrawer(page, 'dana');
  await expect(drawer.getByText('LDAP does not manage this user’s roles')).toBeVisible();
  await drawer.getByRole('radiogroup', { name: 'Role in Main Org.' }).getByLabel('Viewer', { exact: true }).check();
  await expect(
    drawer.getByRole('checkbox', { name: /Sign dana out everywhere after saving \(3 sessions\)/ })
  ).toBeChecked();
  await screenshot(page, 'ldap2-skip-sync-editor');
  await drawer.getByRole('button', { name: 'Change role and sign out' }).click();
  await expect(danaRows.getByTestId('outcome-proof')).toContainText(/dana: role Viewer in Main Org\., 0 sessions/);

  expect((await dana.get('/api/user/auth-tokens')).status()).toBe(401);
  const again = await signedInClient(baseURL!, 'dana');
  expect((await again.get('/api/user/auth-tokens')).status()).toBe(200);
  await refresh(page);
  await page.getByPlaceholder(/Search login/).fill('dana');
  await expect(danaRows.getByText('Main Org.: Viewer')).toBeVisible();
  await screenshot(page, 'ldap2-role-kept-after-login');
  await expectAccessible(page);
});
