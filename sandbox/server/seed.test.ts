/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { readFileSync } from 'fs';

import { DEFAULT_ACTIVE, DEFAULT_USERS, generateSeed, seedText } from '../seed/generate';
import { syncFlags } from './authModules';
import { loadSeedFile, parseSeed, SeedError } from './seed';
import { DEFAULT_SEED, smallSeed } from './testSupport';
import { ageString, parseDuration, parseSeedTime } from './time';

const NOW = Date.parse('2026-12-03T10:00:00Z');

function problemsOf(raw: unknown): string[] {
  try {
    parseSeed(raw);
  } catch (error) {
    if (error instanceof SeedError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error('the seed was accepted');
}

describe('seed times', () => {
  it.each([
    ['-30s', '2026-12-03T09:59:30.000Z'],
    ['-5m', '2026-12-03T09:55:00.000Z'],
    ['-2h', '2026-12-03T08:00:00.000Z'],
    ['-3d', '2026-11-30T10:00:00.000Z'],
    ['2024-05-02T08:14:03Z', '2024-05-02T08:14:03.000Z'],
    ['2024-05-03T06:00:00+02:00', '2024-05-03T04:00:00.000Z'],
  ])('resolves %s against the clock', (value, expected) => {
    expect(new Date(parseSeedTime(value, NOW)!).toISOString()).toBe(expected);
  });

  it.each(['yesterday', '5m', '-5y', '', '2024-13-45'])('rejects %j', (value) => {
    expect(parseSeedTime(value, NOW)).toBeNull();
  });

  it('resolves relative times against the seed clock when the seed fixes one', () => {
    const seed = parseSeed(smallSeed(), 'test', Date.parse('2030-01-01T00:00:00Z'));
    expect(seed.now).toBe(NOW);
    expect(seed.users[0].lastSeenAt).toBe(NOW - 5 * 60e3);
  });

  it('gives never-seen users a last seen time ten years before their creation, as Grafana stores it', () => {
    const seed = parseSeed(smallSeed(), 'test');
    const dana = seed.users[2];
    expect(new Date(dana.lastSeenAt).toISOString()).toBe('2016-08-25T10:00:00.000Z');
    expect(ageString(dana.lastSeenAt, NOW)).toBe('10 years');
  });

  it('reads Grafana durations and age strings', () => {
    expect(parseDuration('7d')).toBe(7 * 24 * 3600e3);
    expect(parseDuration('1h30m')).toBe(90 * 60e3);
    expect(parseDuration('7 days')).toBeNull();
    expect(ageString(NOW - 30e3, NOW)).toBe('< 1 minute');
    expect(ageString(NOW - 61 * 60e3, NOW)).toBe('1 hour');
    expect(ageString(NOW - 40 * 24 * 3600e3, NOW)).toBe('1 month');
  });
});

describe('seed validation', () => {
  it('names the user and the field that is wrong', () => {
    const seed = smallSeed();
    Object.assign(seed.users[1], { lastSeenAt: 'yesterday', authModule: 'kerberos' });
    expect(problemsOf(seed)).toEqual([
      expect.stringMatching(/^users\[1\] \(bob\): "authModule" must be one of "", ldap, .* \(got "kerberos"\)$/),
      'users[1] (bob): "lastSeenAt" must be an ISO 8601 time or an offset like "-5m", "-2h", "-3d" (got "yesterday")',
    ]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({
      viewer: 'ghost',
      orgs: [{ id: 1, name: 'Main Org.' }],
      settings: { loginMaximumLifetime: '30 days' },
      users: [
        {
          id: 1,
          login: 'a',
          email: 'a@x',
          orgs: [{ orgId: 7, role: 'Owner' }],
          sessions: [{ id: 5, seenAt: '-1d', createdAt: '-1h' }],
        },
        { id: 1, login: 'b', email: 'a@x', isDisabled: true, sessions: [{ id: 5 }], colour: 'red' },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'settings: "loginMaximumLifetime" must be a Grafana duration such as "7d" or "12h" (got "30 days")',
        'users[0] (a) orgs[0]: "role" must be one of Admin, Editor, Viewer, None (got "Owner")',
        'users[0] (a) sessions[0]: "seenAt" must not be before createdAt',
        expect.stringMatching(/^users\[1\] \(b\): "colour" is not a seed field/),
        'users[1] (b): "sessions" must be empty for a disabled user (Grafana revokes them when it disables a user)',
        'duplicate user id 1',
        'duplicate user email "a@x"',
        'duplicate session id 5',
        'user a: org 7 is not in "orgs"',
        'seed: "viewer" names no user (got "ghost")',
      ])
    );
  });

  it('refuses a local user marked as externally synced', () => {
    const seed = smallSeed();
    (seed.users[0] as Record<string, unknown>).isExternallySynced = true;
    expect(problemsOf(seed)).toEqual([
      'users[0] (admin): "isExternallySynced" cannot be true for a local user (authModule "")',
    ]);
  });

  it('derives sync flags from the auth module and the LDAP config unless the seed sets them', () => {
    const seed = parseSeed(smallSeed());
    const [admin, , dana] = seed.users;
    expect(dana).toMatchObject({ authModule: 'ldap', isExternallySynced: null, isGrafanaAdminExternallySynced: null });
    // No "ldap" object: LDAP is off, as in Grafana without [auth.ldap], so nothing syncs dana's roles.
    expect(seed.ldap.enabled).toBe(false);
    expect(syncFlags(dana, seed.ldap)).toEqual({ isExternallySynced: false, isGrafanaAdminExternallySynced: false });
    const ldapOn = { enabled: true, skipOrgRoleSync: false };
    expect(syncFlags(dana, ldapOn)).toEqual({ isExternallySynced: true, isGrafanaAdminExternallySynced: true });
    expect(syncFlags(admin, ldapOn)).toEqual({ isExternallySynced: false, isGrafanaAdminExternallySynced: false });
    expect(syncFlags({ ...dana, isGrafanaAdminExternallySynced: false }, ldapOn).isGrafanaAdminExternallySynced).toBe(
      false
    );
    expect(seed).toMatchObject({ inactiveLifetimeMs: 7 * 24 * 3600e3, maxLifetimeMs: 30 * 24 * 3600e3 });
  });
});

describe('generated seeds', () => {
  it('gives active generated users the asked average of sessions, and some of them none', () => {
    // Generated users have ids from 100, the active ones first.
    const active = generateSeed(5000, 4000, { sessionsPerActive: 2.4 }).users.filter((u) => u.id >= 100 && u.id < 4100);
    const counts = active.map((u) => u.sessions.length);
    const mean = counts.reduce((sum, n) => sum + n, 0) / counts.length;
    expect(mean).toBeGreaterThan(2.3);
    expect(mean).toBeLessThan(2.5);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThan(300);
  });
});

describe('default seed', () => {
  const seed = loadSeedFile(DEFAULT_SEED);
  const byLogin = (login: string) => seed.users.find((u) => u.login === login)!;
  const role = (login: string, orgId: number) => byLogin(login).orgs.find((m) => m.orgId === orgId)?.role;

  it('is exactly what generate.ts writes', () => {
    expect(readFileSync(DEFAULT_SEED, 'utf8')).toBe(seedText(generateSeed(DEFAULT_USERS, DEFAULT_ACTIVE)));
  });

  it('holds at least 60 users in four orgs, each org with an Admin', () => {
    expect(seed.users.length).toBeGreaterThanOrEqual(60);
    expect(seed.orgs.map((o) => o.name)).toEqual(['Main Org.', 'Ops', 'Data Science', 'Sandbox']);
    for (const org of seed.orgs) {
      expect(seed.users.some((u) => u.orgs.some((m) => m.orgId === org.id && m.role === 'Admin'))).toBe(true);
    }
  });

  it('holds the users the browser tests name', () => {
    expect(seed.viewer).toBe('admin');
    expect(byLogin('admin')).toMatchObject({ id: 1, password: 'admin', isGrafanaAdmin: true });
    expect(byLogin('admin').sessions).toHaveLength(1);
    expect(role('bob', 1)).toBe('Admin');
    expect(byLogin('bob').sessions).toHaveLength(2);
    expect(byLogin('dana').authModule).toBe('ldap');
    expect(syncFlags(byLogin('dana'), seed.ldap).isExternallySynced).toBe(true);
    expect(role('dana', 1)).toBe('Admin');
    expect(byLogin('judy').isGrafanaAdmin).toBe(false);
    expect(role('judy', 1)).toBe('Admin');
    expect(role('viewer', 1)).toBe('Viewer');
    expect(byLogin('ivan').isGrafanaAdmin).toBe(true);
    expect([role('ivan', 1), role('ivan', 2)]).toEqual(['Viewer', 'Editor']);
    expect([role('kim', 1), role('kim', 2)]).toEqual(['Viewer', 'Admin']);
    expect(byLogin('zoe')).toMatchObject({ authModule: 'jwt', sessions: [] });
    expect(byLogin('rita')).toMatchObject({ authModule: 'authproxy', sessions: [] });
    expect(byLogin('uma').sessions).toHaveLength(4);
  });
});
