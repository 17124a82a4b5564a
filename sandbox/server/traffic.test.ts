/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { formatRequestCounts } from './requestCounts';
import { TestSandbox } from './testSupport';

const LATENCY_MS = 300;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

describe('--latency', () => {
  let sandbox: TestSandbox;
  let admin: string;
  let distDir: string;
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'sandbox-dist-'));
    writeFileSync(join(distDir, 'plugin.json'), '{"id":"sessioncontrol-admin-app"}');
    sandbox = await TestSandbox.start({ latencyMs: LATENCY_MS, distDir });
    admin = await sandbox.login('admin', 'admin');
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(distDir, { recursive: true });
  });

  it('delays every /api answer, refusals included', async () => {
    const ok = await timed(() => sandbox.get('/api/users/search?perpage=5', admin));
    expect(ok.value.status).toBe(200);
    expect(ok.ms).toBeGreaterThanOrEqual(LATENCY_MS - 5);
    const unauthorized = await timed(() => sandbox.get('/api/users/search'));
    expect(unauthorized.value.status).toBe(401);
    expect(unauthorized.ms).toBeGreaterThanOrEqual(LATENCY_MS - 5);
  });

  it('waits with a timer per request, so concurrent requests overlap instead of queueing', async () => {
    const many = await timed(() =>
      Promise.all(Array.from({ length: 8 }, (_, i) => sandbox.get(`/api/admin/users/${i + 1}/auth-tokens`, admin)))
    );
    expect(many.value.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(many.ms).toBeLessThan(LATENCY_MS * 2);
  });

  it('leaves static files and the page itself undelayed, and a static file is served while /api waits', async () => {
    const pending = sandbox.get('/api/admin/stats', admin);
    const file = await timed(() => sandbox.get('/public/plugins/sessioncontrol-admin-app/plugin.json'));
    expect(file.value.status).toBe(200);
    expect(file.ms).toBeLessThan(LATENCY_MS / 2);
    const page = await timed(() => sandbox.get('/a/sessioncontrol-admin-app/sessions', admin));
    expect(page.ms).toBeLessThan(LATENCY_MS / 2);
    expect((await pending).status).toBe(200);
  });
});

describe('caching', () => {
  it('marks every answer but plugin files no-store, as Grafana does, so the browser keeps no copy of them', async () => {
    const sandbox = await TestSandbox.start();
    try {
      const admin = await sandbox.login('admin', 'admin');
      const tokens = await sandbox.get('/api/admin/users/1/auth-tokens', admin);
      expect(tokens.headers.get('cache-control')).toBe('no-store');
      expect((await sandbox.get('/api/users/search')).headers.get('cache-control')).toBe('no-store');
      expect((await sandbox.get('/a/sessioncontrol-admin-app/sessions', admin)).headers.get('cache-control')).toBe(
        'no-store'
      );
      const plugin = await sandbox.get('/public/plugins/sessioncontrol-admin-app/plugin.json');
      expect(plugin.headers.get('cache-control')).not.toBe('no-store');
    } finally {
      await sandbox.close();
    }
  });
});

describe('request counts (GET /__sandbox/stats)', () => {
  let sandbox: TestSandbox;
  let admin: string;
  beforeAll(async () => {
    sandbox = await TestSandbox.start({ testHooks: true });
    admin = await sandbox.login('admin', 'admin');
  });
  afterAll(() => sandbox.close());

  it('counts requests per route, without ids, statuses apart, and not its own', async () => {
    await sandbox.post('/__sandbox/stats/clear', admin);
    await sandbox.get('/api/users/search?perpage=10&sort=lastSeenAtAge-desc', admin);
    await sandbox.get('/api/users/search?perpage=10&page=2&sort=lastSeenAtAge-desc', admin);
    for (const id of [1, 2, 3]) {
      await sandbox.get(`/api/admin/users/${id}/auth-tokens`, admin);
    }
    await sandbox.get('/api/admin/users/999999/auth-tokens', admin);
    await sandbox.get('/api/admin/stats');
    await sandbox.get('/__sandbox/stats');

    const stats = (await sandbox.get('/__sandbox/stats')).body;
    expect(stats.byRoute).toEqual({
      'GET /api/users/search': 2,
      'GET /api/admin/users/:id/auth-tokens': 4,
      // Refused before any route matched: counted under the path's first two segments.
      'GET /api/admin/*': 1,
    });
    expect(stats.total).toBe(7);
    expect(stats.byStatus).toEqual({ '200': 5, '404': 1, '401': 1 });
    expect(Date.parse(stats.since)).not.toBeNaN();
  });

  it('starts again from zero on clear, and reads as a few lines at exit', async () => {
    await sandbox.get('/api/admin/stats', admin);
    await sandbox.post('/__sandbox/stats/clear', admin);
    await sandbox.get('/api/admin/stats', admin);
    const stats = (await sandbox.get('/__sandbox/stats')).body;
    expect(stats.byRoute).toEqual({ 'GET /api/admin/stats': 1 });
    expect(formatRequestCounts(stats)).toBe(`1 request since ${stats.since}:\n  1  GET /api/admin/stats`);
  });

  it('is not mounted without --test-hooks', async () => {
    const plain = await TestSandbox.start();
    try {
      expect((await plain.get('/__sandbox/stats')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
