import { defineConfig } from '@playwright/test';
import { statfsSync } from 'fs';

// Browser journeys against the sandbox (an emulated Grafana API), in Debian's Chromium.
// The sandbox's state is shared, so journeys run one at a time and reset it first.
const port = Number(process.env.SANDBOX_TEST_PORT ?? 3123);
/** A second sandbox with a generated seed of a few thousand users, for the scale journey. */
export const largePort = port + 1;

/**
 * Chromium keeps shared memory (every response body passes through it) in /dev/shm. Where /dev/shm is tiny, as in a
 * default Docker container (64 MB), it must use /tmp instead; elsewhere that flag only slows every request down.
 */
function smallDevShm(): boolean {
  try {
    const { bsize, blocks } = statfsSync('/dev/shm');
    return bsize * blocks < 1024 ** 3;
  } catch {
    return true;
  }
}

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1600, height: 1000 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        ...(smallDevShm() ? ['--disable-dev-shm-usage'] : []),
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `npx tsx sandbox/server/main.ts --port ${port} --test-hooks`,
      url: `http://127.0.0.1:${port}/public/plugins/sessioncontrol-admin-app/plugin.json`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 60_000,
    },
    {
      command:
        'npx tsx sandbox/seed/generate.ts --users 3000 --active 800 --out sandbox/seed/.generated-large.json && ' +
        `npx tsx sandbox/server/main.ts --seed sandbox/seed/.generated-large.json --port ${largePort} --test-hooks`,
      url: `http://127.0.0.1:${largePort}/public/plugins/sessioncontrol-admin-app/plugin.json`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 90_000,
    },
  ],
});
