import { parseOrgMemberships, parseSessions, parseUserProfile, parseUserSearchPage, ShapeError } from './parse';

const newerToken = {
  id: 4211,
  isActive: false,
  clientIp: '10.20.0.15',
  browser: 'Chrome',
  browserVersion: '124.0',
  os: 'Windows',
  osVersion: '10',
  device: 'Other',
  authModule: '',
  createdAt: '2024-05-02T08:14:03Z',
  seenAt: '2024-05-02T09:41:10Z',
};

describe('parseSessions', () => {
  it('reads a newer Grafana token with authModule', () => {
    const [session] = parseSessions([{ ...newerToken, authModule: 'Generic OAuth' }]);
    expect(session).toEqual({
      id: 4211,
      isActive: false,
      clientIp: '10.20.0.15',
      browser: 'Chrome',
      browserVersion: '124.0',
      os: 'Windows',
      osVersion: '10',
      device: 'Other',
      authModule: 'Generic OAuth',
      createdAt: new Date('2024-05-02T08:14:03Z'),
      seenAt: new Date('2024-05-02T09:41:10Z'),
    });
  });

  it('accepts an older token without authModule', () => {
    const { authModule, ...older } = newerToken;
    expect(parseSessions([older])[0].authModule).toBeUndefined();
  });

  it('keeps server offsets in timestamps', () => {
    const [session] = parseSessions([{ ...newerToken, createdAt: '2024-05-03T06:00:00+02:00' }]);
    expect(session.createdAt.toISOString()).toBe('2024-05-03T04:00:00.000Z');
  });

  it('falls back to createdAt when seenAt is missing', () => {
    const { seenAt, ...withoutSeen } = newerToken;
    expect(parseSessions([withoutSeen])[0].seenAt).toEqual(new Date(newerToken.createdAt));
  });

  it('keeps empty browser fields as empty text', () => {
    const [session] = parseSessions([{ ...newerToken, browser: '', browserVersion: '', os: '', osVersion: '' }]);
    expect(session.browser).toBe('');
    expect(session.osVersion).toBe('');
  });

  it('accepts an empty list for a user without sessions', () => {
    expect(parseSessions([])).toEqual([]);
  });

  it.each([
    ['a non-list', { tokens: [] }, 'session list is not a list'],
    ['a token without id', [{ ...newerToken, id: 'x' }], 'session.id is not a whole number'],
    ['a token without createdAt', [{ ...newerToken, createdAt: 'yesterday' }], 'session.createdAt is not a date'],
  ])('refuses %s with a message naming the field', (_case, raw, message) => {
    expect(() => parseSessions(raw)).toThrow(new ShapeError(message));
  });
});

describe('parseUserSearchPage', () => {
  const hit = {
    id: 7,
    uid: 'fd7e6c5b4a3921',
    name: 'Dana Ops',
    login: 'dana',
    email: 'dana@example.com',
    avatarUrl: '/avatar/0bc8',
    isAdmin: false,
    isDisabled: false,
    lastSeenAt: '2024-05-02T09:41:10Z',
    lastSeenAtAge: '1 day',
    authLabels: ['LDAP'],
  };

  it('reads users, paging and the server admin flag from isAdmin', () => {
    const page = parseUserSearchPage({ totalCount: 57, page: 2, perPage: 1, users: [{ ...hit, isAdmin: true }] });
    expect(page).toMatchObject({ totalCount: 57, page: 2, perPage: 1 });
    expect(page.users[0]).toEqual({
      id: 7,
      uid: 'fd7e6c5b4a3921',
      login: 'dana',
      name: 'Dana Ops',
      email: 'dana@example.com',
      isServerAdmin: true,
      isDisabled: false,
      lastSeenAt: new Date('2024-05-02T09:41:10Z'),
      authLabels: ['LDAP'],
    });
  });

  it.each([
    ['null', null],
    ['empty', []],
    ['missing', undefined],
  ])('treats %s authLabels as a local user', (_case, authLabels) => {
    expect(parseUserSearchPage({ totalCount: 1, users: [{ ...hit, authLabels }] }).users[0].authLabels).toEqual([]);
  });

  it('accepts hits without uid (older Grafana) and extra fields (isProvisioned)', () => {
    const { uid, ...older } = hit;
    const user = parseUserSearchPage({ totalCount: 1, users: [{ ...older, isProvisioned: true }] }).users[0];
    expect(user.uid).toBeUndefined();
    expect(user.login).toBe('dana');
  });

  it('refuses a body without users', () => {
    expect(() => parseUserSearchPage({ totalCount: 0 })).toThrow('user search result.users is not a list');
  });
});

describe('parseUserProfile', () => {
  const profile = {
    id: 7,
    uid: 'fd7e6c5b4a3921',
    email: 'dana@example.com',
    name: 'Dana Ops',
    login: 'dana',
    orgId: 1,
    isGrafanaAdmin: false,
    isDisabled: false,
    isExternal: true,
    isExternallySynced: true,
    isGrafanaAdminExternallySynced: false,
    authLabels: ['LDAP'],
  };

  it('reads the sync flags separately', () => {
    expect(parseUserProfile(profile)).toMatchObject({
      isExternal: true,
      isExternallySynced: true,
      isServerAdminExternallySynced: false,
      orgId: 1,
    });
  });

  it('assumes the server admin flag follows org role sync when Grafana predates the separate flag', () => {
    const { isGrafanaAdminExternallySynced, ...older } = profile;
    expect(parseUserProfile(older).isServerAdminExternallySynced).toBe(true);
  });

  it('reads the server admin flag from isGrafanaAdmin', () => {
    expect(parseUserProfile({ ...profile, isGrafanaAdmin: true }).isServerAdmin).toBe(true);
  });
});

describe('parseOrgMemberships', () => {
  it('reads org id, name and role', () => {
    expect(
      parseOrgMemberships([
        { orgId: 1, name: 'Main Org.', role: 'Editor' },
        { orgId: 3, name: 'Ops', role: 'Viewer' },
      ])
    ).toEqual([
      { orgId: 1, orgName: 'Main Org.', role: 'Editor' },
      { orgId: 3, orgName: 'Ops', role: 'Viewer' },
    ]);
  });
});
