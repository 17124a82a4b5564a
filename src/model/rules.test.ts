import { GrafanaApiError } from '../api/errors';
import { Session, UserProfile } from '../api/types';
import { UserEntry } from '../hooks/useInventory';
import { explainError } from './explain';
import { EMPTY_FILTER, filterEntries, InventoryFilter, rowsTheFiltersShow } from './filter';
import { describeVerifiedState } from './outcome';
import { changedOrgRoles, isDemotion, roleLock } from './roles';
import {
  browserLabel,
  choiceLabel,
  choiceOptions,
  osLabel,
  tokenlessProvider,
  whyNoSignOutEverywhere,
  whyNotRevocable,
} from './sessions';

const session = (overrides: Partial<Session> = {}): Session => ({
  id: 1,
  isActive: false,
  clientIp: '10.0.0.1',
  browser: 'Chrome',
  browserVersion: '124.0',
  os: 'Windows',
  osVersion: '10',
  device: 'Other',
  createdAt: new Date('2026-12-01T10:00:00Z'),
  seenAt: new Date('2026-12-03T10:00:00Z'),
  ...overrides,
});

const profile = (overrides: Partial<UserProfile> = {}): UserProfile => ({
  id: 7,
  login: 'dana',
  name: 'Dana',
  email: 'dana@example.com',
  isServerAdmin: false,
  isDisabled: false,
  authLabels: ['LDAP'],
  orgId: 1,
  isExternal: true,
  isExternallySynced: true,
  isServerAdminExternallySynced: true,
  ...overrides,
});

describe('who can be revoked', () => {
  it('refuses the admin’s own current session, as Grafana does', () => {
    expect(whyNotRevocable(session({ isActive: true }))).toMatch(/your own session/);
    expect(whyNotRevocable(session())).toBeUndefined();
  });

  it('does not offer signing the admin out everywhere', () => {
    expect(whyNoSignOutEverywhere({ id: 1, authLabels: [] }, 3, 1)).toMatch(/does not let you sign yourself out/);
  });

  it.each([
    [['JWT'], 'JWT'],
    [['Auth Proxy'], 'Auth Proxy'],
  ])('says %s users have no Grafana sessions to end', (authLabels, provider) => {
    expect(tokenlessProvider({ authLabels })).toBe(provider);
    expect(whyNoSignOutEverywhere({ id: 2, authLabels }, 0, 1)).toMatch(`No Grafana sessions: ${provider}`);
  });

  it('offers sign-out for a local user with sessions', () => {
    expect(whyNoSignOutEverywhere({ id: 2, authLabels: [] }, 2, 1)).toBeUndefined();
    expect(whyNoSignOutEverywhere({ id: 2, authLabels: [] }, 0, 1)).toBe('This user has no active sessions.');
  });
});

describe('session labels', () => {
  it.each([
    [{ browser: '', browserVersion: '' }, 'Unknown browser'],
    [{ browser: 'Other', browserVersion: '' }, 'Unknown browser'],
    [{ browser: 'Firefox', browserVersion: '' }, 'Firefox'],
    [{ browser: 'Chrome', browserVersion: '124.0' }, 'Chrome 124.0'],
  ])('names the browser of %p as %s', (fields, label) => {
    expect(browserLabel(session(fields))).toBe(label);
  });

  it('never fails on a very long unparsed user agent', () => {
    expect(osLabel(session({ os: 'x'.repeat(2000), osVersion: '' }))).toHaveLength(2000);
  });
});

describe('role rules', () => {
  const orgs = [
    { orgId: 1, orgName: 'Main Org.', role: 'Admin' },
    { orgId: 2, orgName: 'Ops', role: 'Viewer' },
  ];

  it('lists only the orgs whose role changes', () => {
    expect(changedOrgRoles(orgs, { roles: { 1: 'Viewer', 2: 'Viewer' }, isServerAdmin: false })).toEqual([
      { orgId: 1, orgName: 'Main Org.', from: 'Admin', to: 'Viewer' },
    ]);
  });

  it('calls lowering a role or removing server admin a demotion, and raising one not', () => {
    const lower = changedOrgRoles(orgs, { roles: { 1: 'Viewer' }, isServerAdmin: false });
    const raise = changedOrgRoles(orgs, { roles: { 2: 'Editor' }, isServerAdmin: false });
    expect(isDemotion(lower, false, false)).toBe(true);
    expect(isDemotion(raise, false, false)).toBe(false);
    expect(isDemotion([], true, false)).toBe(true);
  });

  it('locks both controls of an LDAP-synced user and names what to change instead', () => {
    const lock = roleLock(profile());
    expect(lock.orgRoles).toMatch(/LDAP manages this user’s org roles/);
    expect(lock.orgRoles).toMatch(/group membership or the group mapping in ldap.toml/);
    expect(lock.serverAdmin).toMatch(/LDAP manages this user’s server admin flag/);
  });

  it('locks only the org roles of an OAuth user whose admin flag Grafana does not sync', () => {
    const lock = roleLock(profile({ authLabels: ['Generic OAuth'], isServerAdminExternallySynced: false }));
    expect(lock.orgRoles).toMatch(/Generic OAuth manages/);
    expect(lock.serverAdmin).toBeUndefined();
  });

  it('leaves a local user unlocked', () => {
    expect(
      roleLock(profile({ authLabels: [], isExternallySynced: false, isServerAdminExternallySynced: false }))
    ).toEqual({});
  });
});

describe('proof after an action', () => {
  it('reads like "bob: role Viewer in Main Org., 0 sessions (checked 14:02:11)"', () => {
    const checkedAt = new Date(2026, 11, 3, 14, 2, 11);
    const text = describeVerifiedState({
      login: 'bob',
      orgs: [{ orgId: 1, orgName: 'Main Org.', role: 'Viewer' }],
      isServerAdmin: false,
      sessionCount: 0,
      checkedAt,
    });
    expect(text).toBe('bob: role Viewer in Main Org., 0 sessions (checked 14:02:11)');
  });
});

describe('explaining refusals', () => {
  const error = (status: number, message: string, messageId?: string) =>
    new GrafanaApiError({ status, message, messageId, method: 'PATCH', url: '/api/orgs/1/users/7' });

  it.each([
    [error(403, 'cannot change role for externally synced user', 'org.externallySynced'), /skip_org_role_sync/],
    [error(400, 'Cannot change role so that there is no organization admin left'), /another member Admin/],
    [error(400, 'Cannot remove last grafana admin'), /another user a server admin/],
    [error(404, 'User auth token not found'), /already ended/],
    [error(401, 'Unauthorized'), /sign in again/],
    [error(500, 'Failed to logout user'), /Grafana server log/],
    [error(0, 'Grafana could not be reached'), /reachable/],
  ])('keeps Grafana’s words and says what to do next for %s', (err, next) => {
    const explanation = explainError(err);
    expect(explanation.grafanaSaid).toBe(`${err.status ? `${err.status} ` : ''}${err.message}`);
    expect(explanation.next).toMatch(next);
  });

  it('names the missing permission of an RBAC denial', () => {
    const denied = error(
      403,
      "You'll need additional permissions to perform this action. Permissions needed: users:logout"
    );
    expect(explainError(denied).next).toMatch('(users:logout)');
  });
});

describe('filter choices', () => {
  it('names Grafana’s "Other" as the table does and shortens a raw user agent', () => {
    expect(choiceLabel('Other', 'browser')).toBe('Unknown browser');
    expect(choiceLabel('Other', 'OS')).toBe('Unknown OS');
    expect(choiceLabel('Firefox', 'browser')).toBe('Firefox');
    const raw = `Mozilla/5.0 (compatible; ${'x'.repeat(300)})`;
    expect(choiceLabel(raw, 'browser')).toHaveLength(40);
    expect(choiceLabel(raw, 'browser').endsWith('…')).toBe(true);
  });

  it('lists each browser once, A–Z by what the admin reads, with the unnamed ones last', () => {
    const browsers = ['Safari', 'Other', 'Mobile Safari', 'Chrome', 'Safari', ''];
    expect(choiceOptions(browsers, (v) => choiceLabel(v, 'browser')).map((o) => o.label)).toEqual([
      'Chrome',
      'Mobile Safari',
      'Safari',
      'Unknown browser',
    ]);
  });
});

describe('filtering', () => {
  const entry = (id: number, login: string, sessions: Session[] | undefined): UserEntry => ({
    user: {
      id,
      login,
      name: login,
      email: `${login}@example.com`,
      isServerAdmin: false,
      isDisabled: false,
      authLabels: [],
    },
    sessions,
  });
  const entries = [
    entry(1, 'bob', [
      session({ id: 11, clientIp: '192.0.2.7' }),
      session({ id: 12, clientIp: '10.1.1.1', browser: 'Firefox' }),
    ]),
    entry(2, 'zoe', []),
    entry(3, 'kim', undefined),
  ];
  const logins = (rows: ReturnType<typeof filterEntries>) => rows.map((r) => r.entry.user.login);

  it('hides users without sessions by default but keeps users still loading', () => {
    expect(logins(filterEntries(entries, EMPTY_FILTER))).toEqual(expect.arrayContaining(['bob', 'kim']));
    expect(logins(filterEntries(entries, EMPTY_FILTER))).not.toContain('zoe');
  });

  it("hands over the user's own session list when the filters keep all of it, so the row needs no new render", () => {
    const [bob] = entries;
    const all = filterEntries(entries, EMPTY_FILTER).find((r) => r.entry === bob);
    expect(all?.sessions).toBe(bob.sessions);
    const narrowed = filterEntries(entries, { ...EMPTY_FILTER, browser: 'Firefox' }).find((r) => r.entry === bob);
    expect(narrowed?.sessions.map((s) => s.id)).toEqual([12]);
  });

  it('keeps a user the admin just acted on, even with no sessions left, and says that is why', () => {
    const zoe = filterEntries(entries, EMPTY_FILTER, new Set([2])).find((r) => r.entry.user.login === 'zoe');
    expect(zoe?.outsideFilters).toBe('no-sessions');
    const byText = filterEntries(entries, { ...EMPTY_FILTER, text: 'zoe' }, new Set([2]));
    expect(byText.map((r) => [r.entry.user.login, r.outsideFilters])).toEqual([['zoe', 'no-sessions']]);
  });

  it('keeps a user the admin acted on in view, but out of what the filters show (bulk revoke, CSV)', () => {
    const zoe = entry(4, 'zoe', [session({ id: 41, clientIp: '10.9.9.9' })]);
    const rows = filterEntries([...entries, zoe], { ...EMPTY_FILTER, ip: '192.0.2.' }, new Set([1, 4]));
    expect(rows.map((r) => [r.entry.user.login, r.sessions.map((s) => s.id), r.outsideFilters])).toEqual([
      ['bob', [11], undefined],
      ['zoe', [41], 'filters'],
    ]);
    expect(rowsTheFiltersShow(rows).map((r) => r.entry.user.login)).toEqual(['bob']);
  });

  it('sorts users by address order of their first IP, by highest org role, and server admins first', () => {
    const withOrgs = (e: UserEntry, role: string | null, admin = false): UserEntry => ({
      ...e,
      user: { ...e.user, isServerAdmin: admin },
      orgs: role === null ? undefined : [{ orgId: 1, orgName: 'Main Org.', role }],
    });
    const users = [
      withOrgs(entry(5, 'ann', [session({ id: 51, clientIp: '192.0.2.1' })]), 'Viewer'),
      withOrgs(entry(6, 'cid', [session({ id: 61, clientIp: '10.20.0.1' })]), null, true),
      withOrgs(
        entry(7, 'dov', [session({ id: 71, clientIp: '10.3.0.9' }), session({ id: 72, clientIp: '10.200.1.1' })]),
        'Admin'
      ),
    ];
    const order = (sort: InventoryFilter['sort']) => logins(filterEntries(users, { ...EMPTY_FILTER, sort }));
    expect(order('ip')).toEqual(['dov', 'cid', 'ann']);
    expect(order('orgRole')).toEqual(['dov', 'ann', 'cid']);
    expect(order('serverAdmin')[0]).toBe('cid');
    expect(order('login')).toEqual(['ann', 'cid', 'dov']);
  });

  it('narrows to the sessions whose IP starts with the prefix', () => {
    const [bob, ...rest] = filterEntries(entries, { ...EMPTY_FILTER, ip: '192.0.2.' });
    expect(rest).toEqual([]);
    expect(bob.sessions.map((s) => s.id)).toEqual([11]);
    expect(bob.entry.sessions).toHaveLength(2);
  });

  it('matches words against the user first, then narrows sessions by the rest', () => {
    const [bob] = filterEntries(entries, { ...EMPTY_FILTER, text: 'bob firefox' });
    expect(bob.sessions.map((s) => s.id)).toEqual([12]);
  });

  it('filters by browser, sign-in day and last seen', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    const byBrowser = filterEntries(entries, { ...EMPTY_FILTER, browser: 'Firefox' }, new Set(), () => undefined, now);
    expect(byBrowser[0].sessions.map((s) => s.id)).toEqual([12]);
    const recent = filterEntries(entries, { ...EMPTY_FILTER, lastSeenWithin: '1h' }, new Set(), () => undefined, now);
    expect(recent).toEqual([]);
    const signedAfter = filterEntries(
      entries,
      { ...EMPTY_FILTER, signedInAfter: '2026-12-02' },
      new Set(),
      () => undefined,
      now
    );
    expect(signedAfter).toEqual([]);
    const signedBefore = filterEntries(
      entries,
      { ...EMPTY_FILTER, signedInBefore: '2026-12-01' },
      new Set(),
      () => undefined,
      now
    );
    expect(logins(signedBefore)).toEqual(['bob']);
  });

  it('filters by org role once org memberships are known', () => {
    const withOrgs = [{ ...entries[0], orgs: [{ orgId: 2, orgName: 'Ops', role: 'Admin' }] }, entries[2]];
    expect(logins(filterEntries(withOrgs, { ...EMPTY_FILTER, orgId: 2, orgRole: 'Admin' }))).toEqual(['bob']);
    expect(logins(filterEntries(withOrgs, { ...EMPTY_FILTER, orgRole: 'Viewer' }))).toEqual([]);
  });

  it('shows only LDAP drift when asked', () => {
    const drift = (e: UserEntry) => (e.user.login === 'bob' ? 2 : 0);
    expect(logins(filterEntries(entries, { ...EMPTY_FILTER, ldapDriftOnly: true }, new Set(), drift))).toEqual(['bob']);
  });
});
