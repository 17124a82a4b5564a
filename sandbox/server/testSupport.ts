// Server tests run in Node. Their docblock also hands Node a stub `HTMLCanvasElement` through
// @jest-environment-options, because the repo's jest-setup patches that prototype for jsdom.
import { AddressInfo } from 'net';

import { createSandbox, SandboxOptions } from './app';
import { GrafanaState } from './state';

export const CHROME_WINDOWS_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.91 Safari/537.36';
export const DEFAULT_SEED = `${__dirname}/../seed/default.json`;

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A sandbox listening on an ephemeral port, with small helpers to act as a browser or an API client. */
export class TestSandbox {
  private constructor(
    readonly base: string,
    readonly state: GrafanaState,
    private readonly stop: () => Promise<void>
  ) {}

  static async start(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
    const { app, state } = createSandbox({ seed: DEFAULT_SEED, indexHtml: '/nonexistent/index.html', ...options });
    const server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
    return new TestSandbox(`http://127.0.0.1:${port}`, state, stop);
  }

  close(): Promise<void> {
    return this.stop();
  }

  /** Signs in through POST /login and returns the `grafana_session=...` cookie pair. */
  async login(user: string, password: string, userAgent = CHROME_WINDOWS_UA): Promise<string> {
    const reply = await this.request('POST', '/login', { body: { user, password }, userAgent });
    if (reply.status !== 200) {
      throw new Error(`login as ${user} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    return sessionCookie(reply.headers)!;
  }

  async request(
    method: string,
    path: string,
    {
      cookie,
      body,
      userAgent,
      headers,
    }: { cookie?: string; body?: unknown; userAgent?: string; headers?: Record<string, string> } = {}
  ): Promise<Reply> {
    const res = await fetch(this.base + path, {
      method,
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(userAgent !== undefined ? { 'user-agent': userAgent } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const isJson = res.headers.get('content-type')?.includes('json');
    return { status: res.status, body: isJson ? JSON.parse(text) : text, headers: res.headers };
  }

  get(path: string, cookie?: string): Promise<Reply> {
    return this.request('GET', path, { cookie });
  }

  post(path: string, cookie: string, body?: unknown): Promise<Reply> {
    return this.request('POST', path, { cookie, body });
  }
}

/** The `grafana_session=<secret>` pair a response sets, if any. */
export function sessionCookie(headers: Headers): string | undefined {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((pair) => pair.startsWith('grafana_session=') && pair !== 'grafana_session=');
}

/** A small seed with a fixed clock, for tests that need exact times. */
export function smallSeed(overrides: Record<string, unknown> = {}) {
  return {
    viewer: 'admin',
    now: '2026-12-03T10:00:00Z',
    grafanaVersion: '11.6.7',
    orgs: [
      { id: 1, name: 'Main Org.' },
      { id: 2, name: 'Ops' },
    ],
    users: [
      {
        id: 1,
        login: 'admin',
        email: 'admin@example.com',
        password: 'admin',
        isGrafanaAdmin: true,
        lastSeenAt: '-5m',
        createdAt: '-400d',
        orgs: [{ orgId: 1, role: 'Admin' }],
        sessions: [],
      },
      {
        id: 2,
        login: 'bob',
        email: 'bob@example.com',
        password: 'bob',
        lastSeenAt: '-2m',
        createdAt: '-200d',
        orgs: [
          { orgId: 1, role: 'Admin' },
          { orgId: 2, role: 'Admin' },
        ],
        sessions: [
          { id: 11, clientIp: '10.0.0.1', browser: 'Firefox', createdAt: '-3d', seenAt: '-2m' },
          { id: 12, clientIp: '10.0.0.2', browser: 'Chrome', createdAt: '-29d', seenAt: '-6d' },
          { id: 13, clientIp: '10.0.0.3', browser: 'Safari', createdAt: '-31d', seenAt: '-1h' },
          { id: 14, clientIp: '10.0.0.4', browser: 'Edge', createdAt: '-10d', seenAt: '-8d' },
        ],
      },
      {
        id: 3,
        login: 'dana',
        email: 'dana@example.com',
        password: 'dana',
        authModule: 'ldap',
        createdAt: '-100d',
        orgs: [{ orgId: 1, role: 'Editor' }],
        sessions: [],
      },
    ],
    ...overrides,
  };
}

export const STAFF_GROUP = 'cn=staff,ou=groups,dc=example,dc=com';

/** smallSeed with LDAP on: one server, cn=staff → Editor in Main Org. (no "*"), and dana in cn=staff. */
export function smallLdapSeed(ldap: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) {
  return smallSeed({
    ldap: {
      enabled: true,
      servers: [{ host: 'ldap.example.com', port: 636 }],
      mappings: [{ groupDn: STAFF_GROUP, orgRole: 'Editor' }],
      directory: [{ login: 'dana', name: 'Dana Ops', email: 'dana@example.com', groups: [STAFF_GROUP] }],
      ...ldap,
    },
    ...overrides,
  });
}

/** smallSeed's users, with two live sessions for dana (id 3). */
export function usersWithDanaSessions() {
  return smallSeed().users.map((u) =>
    u.login === 'dana'
      ? {
          ...u,
          sessions: [
            { id: 31, clientIp: '10.0.0.31', browser: 'Firefox', createdAt: '-2d', seenAt: '-1h' },
            { id: 32, clientIp: '10.0.0.32', browser: 'Chrome', createdAt: '-1d', seenAt: '-5m' },
          ],
        }
      : u
  );
}
