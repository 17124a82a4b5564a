import { expect, test } from '@grafana/plugin-e2e';

import { screenshot } from '../e2e/helpers';
import { adminApi, findUser, openSessions, signedInAs, signOutEverywhere, userId } from './helpers';

// Journeys against the real Grafana of docker-compose.yaml; the admin is signed in by plugin-e2e's auth project.

test('lists the users with their sessions, the admin’s own marked "This browser", and LDAP reachable', async ({
  gotoAppPage,
  page,
  grafanaVersion,
}) => {
  test.info().annotations.push({ type: 'Grafana', description: grafanaVersion });
  await openSessions(gotoAppPage, page);
  await expect(page.getByTestId('ldap-status')).toContainText('ldap.example.com:389 reachable');

  const adminRows = await findUser(page, 'admin');
  const own = adminRows.getByRole('row').filter({ hasText: 'This browser' });
  await expect(own).toHaveCount(1);
  await expect(own.getByRole('button', { name: /Revoke admin's session: not possible/ })).toBeDisabled();

  // dana, LDAP, Admin of Main Org. through the admins group (demo setup signed her in)
  const danaRows = await findUser(page, 'dana');
  await expect(danaRows.getByText('Main Org.: Admin')).toBeVisible();
  await screenshot(page, 'grafana-list');
});

test('revokes one session of carol, and her browser is signed out', async ({ gotoAppPage, page }) => {
  const api = await adminApi();
  await signOutEverywhere(api, 'carol');
  const carol = await signedInAs('carol');
  expect((await carol.get('/api/user/auth-tokens')).status()).toBe(200);

  await openSessions(gotoAppPage, page);
  const carolRows = await findUser(page, 'carol');
  const revoke = carolRows.getByRole('button', { name: /^Revoke carol's session/ });
  await expect(revoke).toHaveCount(1);
  await revoke.click();
  const confirm = page.getByRole('dialog').filter({ hasText: "Revoke carol's session?" });
  await confirm.getByRole('button', { name: 'Revoke session' }).click();

  await expect(carolRows.getByTestId('outcome-proof')).toContainText(/carol: .*0 sessions \(checked \d\d:\d\d:\d\d\)/);
  expect((await carol.get('/api/user/auth-tokens')).status()).toBe(401);
});

test('signs hank out everywhere: both of his browsers get 401', async ({ gotoAppPage, page }) => {
  const api = await adminApi();
  await signOutEverywhere(api, 'hank');
  const browsers = [await signedInAs('hank'), await signedInAs('hank')];

  await openSessions(gotoAppPage, page);
  const hankRows = await findUser(page, 'hank');
  await hankRows.getByRole('button', { name: /Sign hank out everywhere/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'Sign hank out everywhere?' });
  await confirm.getByRole('button', { name: 'Sign out of 2 sessions' }).click();

  await expect(hankRows.getByTestId('outcome-proof')).toContainText(/hank: .*0 sessions \(checked \d\d:\d\d:\d\d\)/);
  for (const browser of browsers) {
    expect((await browser.get('/api/user/auth-tokens')).status()).toBe(401);
  }
});

test('lowers local user bob from Admin to Viewer and signs him out everywhere', async ({ gotoAppPage, page }) => {
  const api = await adminApi();
  const bobId = await userId(api, 'bob');
  // Admin by mistake, as the demo setup made him; one browser of his own.
  expect((await api.patch(`/api/orgs/1/users/${bobId}`, { data: { role: 'Admin' } })).status()).toBe(200);
  const bob = await signedInAs('bob', 'bob-demo');
  try {
    await openSessions(gotoAppPage, page);
    const bobRows = await findUser(page, 'bob');
    await expect(bobRows.getByText('Main Org.: Admin')).toBeVisible();
    await bobRows.getByRole('button', { name: 'Edit roles of bob' }).click();
    const drawer = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Roles of bob' }) });
    await drawer.getByRole('radiogroup', { name: 'Role in Main Org.' }).getByLabel('Viewer', { exact: true }).check();
    await expect(drawer.getByRole('checkbox', { name: /Sign bob out everywhere after saving/ })).toBeChecked();
    await drawer.getByRole('button', { name: 'Change role and sign out' }).click();

    await expect(bobRows.getByTestId('outcome-proof')).toContainText(/bob: role Viewer in Main Org\., 0 sessions/);
    await screenshot(page, 'grafana-bob-verified');
    expect((await bob.get('/api/user/auth-tokens')).status()).toBe(401);
  } finally {
    await api.patch(`/api/orgs/1/users/${bobId}`, { data: { role: 'Admin' } });
  }
});
