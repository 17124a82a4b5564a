import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, expect, Page, request } from '@playwright/test';

export const PAGE_URL = '/a/sessioncontrol-admin-app/sessions';

/** Back to the seed, so each journey starts from the same Grafana. */
export async function resetSandbox(api: APIRequestContext) {
  const response = await api.post('/__sandbox/reset');
  expect(response.status()).toBe(200);
}

/** A separate browser-less client signed in as a seeded user, like that user's own browser. */
export async function signedInClient(baseURL: string, login: string, password = login): Promise<APIRequestContext> {
  const client = await request.newContext({ baseURL });
  const response = await client.post('/login', { data: { user: login, password } });
  expect(response.status(), `POST /login as ${login}`).toBe(200);
  return client;
}

export async function openSessionsPage(page: Page, theme: 'dark' | 'light' = 'dark') {
  await page.goto(`${PAGE_URL}?theme=${theme}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
}

/** Waits for the complete inventory: "N users scanned (read hh:mm:ss)" shows only once the scan is done. */
export async function waitForInventory(page: Page) {
  await expect(page.getByText(/\d+ users scanned \(read \d\d:\d\d:\d\d\)/).first()).toBeVisible({ timeout: 30_000 });
}

export async function screenshot(page: Page, name: string) {
  // Let drawers and modals finish sliding in.
  await page.waitForTimeout(400);
  await page.screenshot({ path: `tests/screenshots/${name}.png`, fullPage: true });
}

/** axe-core scan of the page as it stands: no serious or critical violations allowed. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking.map(
    (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
  );
  expect(report, report.join('\n')).toEqual([]);
}
