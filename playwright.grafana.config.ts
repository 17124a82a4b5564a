import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig } from '@playwright/test';
import { dirname, join } from 'path';

// @grafana/plugin-e2e journeys against a running Grafana with Session Control (docker compose up --build):
//   GRAFANA_URL=http://localhost:3000 npm run e2e:grafana
// Not run in CI: there is no Grafana there. Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH); never
// `playwright install`. The admin signs in through plugin-e2e's auth project (GRAFANA_ADMIN_USER and
// GRAFANA_ADMIN_PASSWORD, default admin/admin), whose session the journeys reuse.
const adminUser = process.env.GRAFANA_ADMIN_USER ?? 'admin';

export default defineConfig<PluginOptions>({
  testDir: './tests/grafana',
  // The journeys act on the same users, one at a time.
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results/grafana',
  use: {
    baseURL: process.env.GRAFANA_URL ?? 'http://localhost:3000',
    viewport: { width: 1600, height: 1000 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'auth',
      testDir: join(dirname(require.resolve('@grafana/plugin-e2e')), 'auth'),
      testMatch: [/.*\.js/],
    },
    {
      name: 'grafana',
      use: { storageState: join(process.cwd(), 'playwright', '.auth', `${adminUser}.json`) },
      dependencies: ['auth'],
    },
  ],
});
