import { FakeBackend } from '../test/fakeBackend';
import { searchHitJson, tokenJson } from '../test/grafanaJson';
import { canHoldSession, parseGrafanaDuration, sessionCutoff } from '../model/lifetime';
import { loadInventory, LoaderEvents } from './inventoryLoader';

const NOW = new Date('2026-12-03T12:00:00Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

/** users seen 1 h, 2 h, ... ago, most recent first, as Grafana sorts lastSeenAtAge-desc */
function grafanaWithUsers(lastSeenHoursAgo: number[], inactive = '7d'): FakeBackend {
  const hits = lastSeenHoursAgo.map((h, i) => searchHitJson(i + 1, `user${i + 1}`, { lastSeenAt: ago(h) }));
  const backend = new FakeBackend()
    .route('GET /api/admin/settings', { body: { auth: { login_maximum_inactive_lifetime_duration: inactive } } })
    .route('GET /api/users/search', ({ params }) => {
      const perPage = Number(params?.perpage);
      const page = Number(params?.page);
      return {
        body: { totalCount: hits.length, page, perPage, users: hits.slice((page - 1) * perPage, page * perPage) },
      };
    });
  hits.forEach((hit) =>
    backend.route(`GET /api/admin/users/${hit.id}/auth-tokens`, { body: [tokenJson(hit.id * 10)] })
  );
  return backend.install();
}

function collect() {
  const sessions = new Map<number, number>();
  const errors = new Map<number, string>();
  const events: LoaderEvents = {
    onLifetime: () => undefined,
    onCandidates: () => undefined,
    onSessions: (id, list) => sessions.set(id, list.length),
    onUserError: (id, error) => errors.set(id, `${error.status} ${error.message}`),
  };
  return { sessions, errors, events };
}

describe('which users can hold a session', () => {
  it.each([
    ['7d', 7 * 86_400_000],
    ['30d', 30 * 86_400_000],
    ['168h', 168 * 3_600_000],
    ['1h30m', 90 * 60_000],
    ['2w', 14 * 86_400_000],
    ['7', 7 * 86_400_000],
  ])('reads Grafana duration %s', (text, ms) => {
    expect(parseGrafanaDuration(text)).toBe(ms);
  });

  it('refuses what is not a duration', () => {
    expect(parseGrafanaDuration('a week')).toBeUndefined();
  });

  it('keeps users seen within the lifetime plus the one-hour margin', () => {
    const cutoff = sessionCutoff(NOW, { inactiveMs: 7 * 86_400_000, source: 'settings' });
    expect(canHoldSession(new Date(ago(7 * 24 + 0.5)), cutoff)).toBe(true);
    expect(canHoldSession(new Date(ago(7 * 24 + 1.5)), cutoff)).toBe(false);
    expect(canHoldSession(undefined, cutoff)).toBe(false);
  });
});

describe('the inventory loader', () => {
  it('stops paging once users fall outside the lifetime, and asks only the recent ones', async () => {
    const grafana = grafanaWithUsers([1, 2, 3, 200, 300, 400, 500, 600], '7d');
    const { sessions, events } = collect();
    await loadInventory(
      { concurrency: 2, scanEveryUser: false, perPage: 2, now: () => NOW, signal: new AbortController().signal },
      events
    );

    expect([...sessions.keys()].sort()).toEqual([1, 2, 3]);
    // pages 1 and 2 only: page 2 ends with a user seen 200 h ago
    expect(grafana.requestsTo('GET /api/users/search').map((r) => r.params?.page)).toEqual([1, 2]);
    expect(grafana.requestsTo('GET /api/users/search')[0].params).toMatchObject({ sort: 'lastSeenAtAge-desc' });
    expect(grafana.requests.filter((r) => r.path.endsWith('/auth-tokens'))).toHaveLength(3);
  });

  it('reads every page when Grafana does not answer most recently seen first, and still asks only the recent users', async () => {
    const grafana = grafanaWithUsers([200, 1, 300, 400, 2, 500], '7d');
    const { sessions, events } = collect();
    await loadInventory(
      { concurrency: 2, scanEveryUser: false, perPage: 2, now: () => NOW, signal: new AbortController().signal },
      events
    );
    expect(grafana.requestsTo('GET /api/users/search').map((r) => r.params?.page)).toEqual([1, 2, 3]);
    expect([...sessions.keys()].sort()).toEqual([2, 5]);
  });

  it('asks every user when "scan every user" is on', async () => {
    grafanaWithUsers([1, 200, 300], '7d');
    const { sessions, events } = collect();
    await loadInventory(
      { concurrency: 2, scanEveryUser: true, perPage: 2, now: () => NOW, signal: new AbortController().signal },
      events
    );
    expect(sessions.size).toBe(3);
  });

  it('falls back to Grafana’s 7-day default, and says why, when settings are refused', async () => {
    const grafana = grafanaWithUsers([1, 24 * 6, 24 * 8]);
    grafana.route('GET /api/admin/settings', {
      status: 403,
      body: { message: 'You’ll need additional permissions to perform this action. Permissions needed: settings:read' },
    });
    const { sessions, events } = collect();
    let reason = '';
    await loadInventory(
      { concurrency: 1, scanEveryUser: false, now: () => NOW, signal: new AbortController().signal },
      { ...events, onLifetime: (l) => (reason = `${l.source}: ${l.reason}`) }
    );
    expect(sessions.size).toBe(2);
    expect(reason).toMatch(/^default: Grafana did not let this page read its settings \(403/);
  });

  it('never has more token requests in flight than the concurrency setting', async () => {
    const grafana = grafanaWithUsers(Array.from({ length: 20 }, (_, i) => i + 1));
    let inFlight = 0;
    let peak = 0;
    for (let id = 1; id <= 20; id++) {
      grafana.route(`GET /api/admin/users/${id}/auth-tokens`, async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return { body: [] };
      });
    }
    await loadInventory(
      { concurrency: 3, scanEveryUser: false, now: () => NOW, signal: new AbortController().signal },
      collect().events
    );
    expect(peak).toBe(3);
  });

  it('reports one failing or silent user as that user’s error and goes on with the rest', async () => {
    const grafana = grafanaWithUsers([1, 2, 3]);
    grafana.route('GET /api/admin/users/2/auth-tokens', {
      status: 500,
      body: { message: 'Failed to get user auth tokens' },
    });
    grafana.route('GET /api/admin/users/3/auth-tokens', () => new Promise(() => undefined));
    const { sessions, errors, events } = collect();
    await loadInventory(
      { concurrency: 2, scanEveryUser: false, timeoutMs: 50, now: () => NOW, signal: new AbortController().signal },
      events
    );
    expect([...sessions.keys()]).toEqual([1]);
    expect(errors.get(2)).toBe('500 Failed to get user auth tokens');
    expect(errors.get(3)).toBe('0 No answer within 0.05 s');
  });

  it('stops asking when cancelled', async () => {
    const grafana = grafanaWithUsers(Array.from({ length: 10 }, (_, i) => i + 1));
    const controller = new AbortController();
    const { events } = collect();
    await loadInventory(
      { concurrency: 1, scanEveryUser: false, now: () => NOW, signal: controller.signal },
      { ...events, onSessions: (id) => id === 2 && controller.abort() }
    );
    expect(grafana.requests.filter((r) => r.path.endsWith('/auth-tokens'))).toHaveLength(2);
  });

  it('gives up at once when the admin’s own session ends (401)', async () => {
    const grafana = grafanaWithUsers([1, 2, 3]);
    grafana.route('GET /api/admin/users/1/auth-tokens', { status: 401, body: { message: 'Unauthorized' } });
    await expect(
      loadInventory(
        { concurrency: 1, scanEveryUser: false, now: () => NOW, signal: new AbortController().signal },
        collect().events
      )
    ).rejects.toMatchObject({ status: 401 });
    expect(grafana.requests.filter((r) => r.path.endsWith('/auth-tokens'))).toHaveLength(1);
  });
});
