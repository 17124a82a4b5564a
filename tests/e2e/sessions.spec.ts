import { expect, test } from '@playwright/test';

import {
  expectAccessible,
  openSessionsPage,
  resetSandbox,
  screenshot,
  signedInClient,
  waitForInventory,
} from './helpers';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('an admin lowers bob from Admin to Viewer, signs him out everywhere, and his old cookie stops working', async ({
  page,
  baseURL,
}) => {
  // bob's own browser, signed in before the admin acts
  const bob = await signedInClient(baseURL!, 'bob');
  expect((await bob.get('/api/user/auth-tokens')).status()).toBe(200);

  await openSessionsPage(page);
  await waitForInventory(page);
  await page.getByPlaceholder(/Search login/).fill('bob');
  const bobRows = page.getByTestId('user-bob');
  await expect(bobRows.getByText('Main Org.: Admin')).toBeVisible();
  await expect(bobRows.getByRole('button', { name: /Revoke bob's session/ })).toHaveCount(3);

  await bobRows.getByRole('button', { name: 'Edit roles of bob' }).click();
  const drawer = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Roles of bob' }) });
  await drawer.getByRole('radiogroup', { name: 'Role in Main Org.' }).getByLabel('Viewer', { exact: true }).check();
  await expect(
    drawer.getByRole('checkbox', { name: /Sign bob out everywhere after saving \(3 sessions\)/ })
  ).toBeChecked();
  await screenshot(page, 'journey1-role-editor');
  await drawer.getByRole('button', { name: 'Change role and sign out' }).click();

  const proof = bobRows.getByTestId('outcome-proof');
  await expect(proof).toContainText(/bob: role Viewer in Main Org\., 0 sessions \(checked \d\d:\d\d:\d\d\)/);
  await expect(bobRows.getByText('Main Org.: Viewer')).toBeVisible();
  await screenshot(page, 'journey1-verified');
  await expectAccessible(page);

  // bob's old cookie is dead: Grafana answers 401 to his next API request
  const after = await bob.get('/api/user/auth-tokens');
  expect(after.status()).toBe(401);
  expect(await after.json()).toEqual({ message: 'Unauthorized' });
});

test('the admin’s own session is marked "This browser" and cannot be revoked', async ({ page }) => {
  await openSessionsPage(page);
  await waitForInventory(page);
  await page.getByPlaceholder(/Search login/).fill('admin');
  const adminRows = page.getByTestId('user-admin');
  const own = adminRows.getByRole('row').filter({ hasText: 'This browser' });
  await expect(own).toHaveCount(1);
  await expect(own.getByRole('button', { name: /Revoke admin's session: not possible/ })).toBeDisabled();
  await expect(adminRows.getByRole('button', { name: /Sign admin out everywhere: not possible/ })).toBeDisabled();
  // the admin's other (seeded) session can be revoked
  await expect(adminRows.getByRole('button', { name: /^Revoke admin's session on/ })).toHaveCount(1);
  await own.getByRole('button', { name: /Revoke/ }).hover({ force: true });
  await screenshot(page, 'journey2-own-session');
});

test('a viewer who is not a server admin gets an explanation instead of errors', async ({ page, context, baseURL }) => {
  const errors: string[] = [];
  page.on('response', (r) => r.url().includes('/api/') && r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  const login = await context.request.post(`${baseURL}/login`, { data: { user: 'judy', password: 'judy' } });
  expect(login.status()).toBe(200);

  await openSessionsPage(page);
  await expect(page.getByText('Session Control needs a Grafana server admin')).toBeVisible();
  await expect(page.getByText(/You are signed in as/)).toContainText('judy');
  await expect(page.getByRole('table')).toHaveCount(0);
  expect(errors).toEqual([]);
  await screenshot(page, 'journey3-not-server-admin');
  await expectAccessible(page);
});

for (const theme of ['dark', 'light'] as const) {
  test(`the page with the default seed reads well in the ${theme} theme`, async ({ page }) => {
    await openSessionsPage(page, theme);
    await waitForInventory(page);
    await screenshot(page, `sessions-${theme}`);
    await expectAccessible(page);
  });
}
