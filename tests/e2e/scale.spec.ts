import { expect, test } from '@playwright/test';

import { largePort } from '../../playwright.config';
import { expectAccessible, PAGE_URL, screenshot } from './helpers';

// A sandbox seeded with 3,000 generated users (800 seen within 7 days).
test.use({ baseURL: `http://127.0.0.1:${largePort}` });

test.beforeEach(async ({ request }) => {
  expect((await request.post('/__sandbox/reset')).status()).toBe(200);
});

test('on a few thousand users the admin filters to one IP prefix and revokes what it shows', async ({ page }) => {
  await page.goto(PAGE_URL);
  await expect(page.getByText(/users scanned \(read \d\d:\d\d:\d\d\)/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('inventory-pruning')).toContainText(
    /3,0\d\d users in Grafana; [\d,]+ not seen within 7 days/
  );

  await page.getByLabel('IP', { exact: true }).fill('203.0.113.');
  await expect(page).toHaveURL(/ip=203\.0\.113\./);
  const revokeShown = page.getByRole('button', { name: /^Revoke \d+ shown sessions$/ });
  await expect(revokeShown).toBeVisible();
  const count = Number((await revokeShown.textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(50);
  await screenshot(page, 'scale-filtered');

  await revokeShown.click();
  const confirm = page.getByRole('dialog').filter({ hasText: `Revoke ${count} sessions` });
  await confirm.getByRole('button', { name: `Revoke ${count} sessions` }).click();
  await expect(page.getByText(new RegExp(`Done: Revoke ${count} shown sessions`)).first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(/now hold \d+ sessions? in all \(checked/).first()).toBeVisible();

  // Reloading the link with the filter reproduces the view: nothing from that prefix is left.
  await page.reload();
  await expect(page.getByText(/users scanned \(read/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('IP', { exact: true })).toHaveValue('203.0.113.');
  await expect(page.getByText(/^No user matches/)).toBeVisible();
  await screenshot(page, 'scale-after-revoke');
  await expectAccessible(page);
});
