/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { generateSeed } from '../seed/generate';
import { TestSandbox } from './testSupport';

// The benchmark's seed: 100,000 users, 5,000 of them seen within 7 days. Timings are compared with the 64-user
// default seed where they can be, and bounded loosely where not, so that a busy CI machine does not fail them;
// what they catch is work that grows with the number of users.
const USERS = 100_000;

async function medianMs(times: number, request: (i: number) => Promise<{ status: number }>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    expect((await request(i)).status).toBe(200);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)];
}

describe('a 100,000-user seed', () => {
  let large: TestSandbox;
  let small: TestSandbox;
  const admin = new Map<TestSandbox, string>();
  beforeAll(async () => {
    large = await TestSandbox.start({ seed: generateSeed(USERS, 5000, { sessionsPerActive: 2.4 }) });
    small = await TestSandbox.start();
    for (const sandbox of [large, small]) {
      admin.set(sandbox, await sandbox.login('admin', 'admin'));
    }
  }, 60_000);
  afterAll(async () => {
    await large.close();
    await small.close();
  });

  const search = (sandbox: TestSandbox, perPage: number, page: number) =>
    sandbox.get(`/api/users/search?perpage=${perPage}&page=${page}&sort=lastSeenAtAge-desc`, admin.get(sandbox));
  const tokens = (sandbox: TestSandbox, userId: number) =>
    sandbox.get(`/api/admin/users/${userId}/auth-tokens`, admin.get(sandbox));

  it('pages the users most recently seen first, 1,000 at a time, in milliseconds', async () => {
    const first = await search(large, 1000, 1);
    expect(first.body.totalCount).toBe(USERS);
    const seen = first.body.users.map((u: { lastSeenAt: string }) => Date.parse(u.lastSeenAt));
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(await medianMs(9, (i) => search(large, 1000, i + 2))).toBeLessThan(50);
  });

  it('answers a small search page as fast as with 64 users: the sorted list is kept between requests', async () => {
    await search(large, 20, 1);
    const largeMs = await medianMs(21, (i) => search(large, 20, i + 1));
    const smallMs = await medianMs(21, () => search(small, 20, 1));
    expect(largeMs).toBeLessThan(3 * smallMs + 3);
  });

  it("answers a user's sessions as fast as with 64 users", async () => {
    const largeMs = await medianMs(51, (i) => tokens(large, 100 + i));
    const smallIds = [...small.state.users.keys()];
    const smallMs = await medianMs(51, (i) => tokens(small, smallIds[i % smallIds.length]));
    expect(largeMs).toBeLessThan(3 * smallMs + 2);
  });

  it('counts every session row rotated within 30 days in the server stats', async () => {
    const stats = (await large.get('/api/admin/stats', admin.get(large))).body;
    expect(stats.users).toBe(USERS);
    expect(stats.activeSessions).toBe([...large.state.sessions.all()].length);
    expect(stats.activeSessions).toBeGreaterThan(11_000);
    expect(await medianMs(3, () => large.get('/api/admin/stats', admin.get(large)))).toBeLessThan(1000);
  });
});
