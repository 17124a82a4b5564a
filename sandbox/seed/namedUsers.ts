import type { LdapJson } from './ldapSeed';

/** The seed's JSON shape, as written to the file (times still relative). */
export interface SessionJson {
  id: number;
  clientIp: string;
  browser: string;
  browserVersion: string;
  os: string;
  osVersion: string;
  device: string;
  authModule: string;
  createdAt: string;
  seenAt: string;
}

export interface UserJson {
  id: number;
  login: string;
  name: string;
  email: string;
  password?: string;
  isGrafanaAdmin: boolean;
  isDisabled: boolean;
  authModule: string;
  isExternallySynced?: boolean;
  lastSeenAt?: string;
  createdAt: string;
  orgs: Array<{ orgId: number; role: 'Admin' | 'Editor' | 'Viewer' | 'None' }>;
  sessions: SessionJson[];
}

export interface SeedJson {
  viewer: string;
  grafanaVersion: string;
  settings: { loginMaximumInactiveLifetime: string; loginMaximumLifetime: string };
  orgs: Array<{ id: number; name: string }>;
  users: UserJson[];
  ldap: LdapJson;
}

export const MAIN = 1;
export const OPS = 2;
export const DATA_SCIENCE = 3;
/** Created by hand by dave, covered by no LDAP mapping. */
export const SANDBOX = 4;

type Device = Pick<SessionJson, 'browser' | 'browserVersion' | 'os' | 'osVersion' | 'device'>;
const FIREFOX_MAC: Device = {
  browser: 'Firefox',
  browserVersion: '126.0',
  os: 'Mac OS X',
  osVersion: '10.15',
  device: 'Other',
};
const FIREFOX_WINDOWS: Device = {
  browser: 'Firefox',
  browserVersion: '126.0',
  os: 'Windows',
  osVersion: '10',
  device: 'Other',
};
const FIREFOX_LINUX: Device = {
  browser: 'Firefox',
  browserVersion: '125.0',
  os: 'Linux',
  osVersion: '',
  device: 'Other',
};
const CHROME_MAC: Device = {
  browser: 'Chrome',
  browserVersion: '124.0',
  os: 'Mac OS X',
  osVersion: '10.15',
  device: 'Other',
};
const CHROME_WINDOWS: Device = {
  browser: 'Chrome',
  browserVersion: '124.0',
  os: 'Windows',
  osVersion: '10',
  device: 'Other',
};
const CHROME_LINUX: Device = {
  browser: 'Chrome',
  browserVersion: '124.0',
  os: 'Linux',
  osVersion: '',
  device: 'Other',
};
const EDGE_WINDOWS: Device = {
  browser: 'Edge',
  browserVersion: '124.0',
  os: 'Windows',
  osVersion: '10',
  device: 'Other',
};
const SAFARI_IPHONE: Device = {
  browser: 'Mobile Safari',
  browserVersion: '17.4',
  os: 'iOS',
  osVersion: '17.4',
  device: 'iPhone',
};
const UNKNOWN: Device = { browser: 'Other', browserVersion: '', os: 'Other', osVersion: '', device: 'Other' };
// A scanner's user agent that no regex recognises, kept whole as the family name.
const WEIRD: Device = {
  ...UNKNOWN,
  browser:
    'Mozilla/5.0 (compatible; ÆgirScan/0.0.1-β; +https://scanner.example.invalid/about?ref=<grafana>&q="sessions") ' +
    'KHTML/∞ (like Gecko) '.repeat(12) +
    '漢字/テスト Ω≈ç√∫ 🚀🚀🚀 ' +
    'x'.repeat(160),
};

function session(
  id: number,
  device: Device,
  clientIp: string,
  createdAt: string,
  seenAt: string,
  authModule = ''
): SessionJson {
  return { id, clientIp, ...device, authModule, createdAt, seenAt };
}

function user(
  fields: Omit<UserJson, 'email' | 'isGrafanaAdmin' | 'isDisabled' | 'authModule'> & Partial<UserJson>
): UserJson {
  return { email: `${fields.login}@example.com`, isGrafanaAdmin: false, isDisabled: false, authModule: '', ...fields };
}

/** Users the browser tests name; their ids and sessions never change. */
export const NAMED_USERS: UserJson[] = [
  user({
    id: 1,
    login: 'admin',
    name: 'Admin',
    password: 'admin',
    isGrafanaAdmin: true,
    lastSeenAt: '-5m',
    createdAt: '-400d',
    orgs: [{ orgId: MAIN, role: 'Admin' }],
    sessions: [session(101, FIREFOX_MAC, '192.168.1.20', '-1d', '-3h')],
  }),
  // Admin in Main Org. by mistake: he should be a Viewer.
  user({
    id: 2,
    login: 'bob',
    name: 'Bob Baker',
    password: 'bob',
    lastSeenAt: '-2m',
    createdAt: '-200d',
    orgs: [{ orgId: MAIN, role: 'Admin' }],
    sessions: [
      session(102, FIREFOX_WINDOWS, '10.20.0.15', '-3d', '-2m'),
      session(103, CHROME_MAC, '192.168.7.41', '-1d', '-4m'),
    ],
  }),
  // LDAP, synced: Admin in Main Org. by mistake, through her LDAP group (ldapSeed.ts).
  user({
    id: 3,
    login: 'dana',
    name: 'Dana Ops',
    password: 'dana',
    authModule: 'ldap',
    lastSeenAt: '-7m',
    createdAt: '-300d',
    orgs: [{ orgId: MAIN, role: 'Admin' }],
    sessions: [
      session(104, CHROME_WINDOWS, '10.20.3.8', '-2d', '-7m'),
      session(105, SAFARI_IPHONE, '198.51.100.23', '-5d', '-20h'),
    ],
  }),
  user({
    id: 4,
    login: 'judy',
    name: 'Judy Park',
    password: 'judy',
    lastSeenAt: '-30m',
    createdAt: '-150d',
    orgs: [{ orgId: MAIN, role: 'Admin' }],
    sessions: [session(106, EDGE_WINDOWS, '10.20.5.77', '-6h', '-30m')],
  }),
  user({
    id: 5,
    login: 'viewer',
    name: 'Vera Viewer',
    password: 'viewer',
    lastSeenAt: '-2h',
    createdAt: '-90d',
    orgs: [{ orgId: MAIN, role: 'Viewer' }],
    sessions: [session(107, CHROME_LINUX, '192.168.3.14', '-1d', '-2h')],
  }),
  user({
    id: 6,
    login: 'ivan',
    name: 'Ivan Petrov',
    password: 'ivan',
    isGrafanaAdmin: true,
    lastSeenAt: '-1h',
    createdAt: '-500d',
    orgs: [
      { orgId: MAIN, role: 'Viewer' },
      { orgId: OPS, role: 'Editor' },
    ],
    sessions: [session(108, FIREFOX_LINUX, '10.30.1.9', '-4d', '-1h')],
  }),
  // Token-less auth: JWT and auth proxy identities never get a session row.
  user({
    id: 7,
    login: 'zoe',
    name: 'Zoe Jwt',
    authModule: 'jwt',
    lastSeenAt: '-1m',
    createdAt: '-60d',
    orgs: [{ orgId: MAIN, role: 'Viewer' }],
    sessions: [],
  }),
  user({
    id: 8,
    login: 'rita',
    name: 'Rita Proxy',
    authModule: 'authproxy',
    lastSeenAt: '-3h',
    createdAt: '-120d',
    orgs: [{ orgId: OPS, role: 'Editor' }],
    sessions: [],
  }),
  // The only Admin of Ops.
  user({
    id: 9,
    login: 'kim',
    name: 'Kim Lee',
    password: 'kim',
    lastSeenAt: '-15m',
    createdAt: '-250d',
    orgs: [
      { orgId: MAIN, role: 'Viewer' },
      { orgId: OPS, role: 'Admin' },
    ],
    sessions: [
      session(109, CHROME_MAC, '192.168.10.5', '-2d', '-15m'),
      session(110, SAFARI_IPHONE, '203.0.113.40', '-6d', '-1d'),
    ],
  }),
  // User agents that do not parse: empty, curl, and a very long odd one, next to a plain Chrome.
  user({
    id: 10,
    login: 'uma',
    name: 'Uma Odd',
    password: 'uma',
    lastSeenAt: '-40m',
    createdAt: '-80d',
    orgs: [{ orgId: MAIN, role: 'Viewer' }],
    sessions: [
      session(111, UNKNOWN, '10.9.9.9', '-1d', '-40m'),
      session(112, UNKNOWN, '203.0.113.200', '-3h', '-3h'),
      session(113, CHROME_WINDOWS, '10.20.8.2', '-2d', '-5h'),
      session(114, WEIRD, '198.51.100.77', '-4d', '-2d'),
    ],
  }),
  user({
    id: 11,
    login: 'oscar',
    name: 'Oscar Gone',
    password: 'oscar',
    isDisabled: true,
    lastSeenAt: '-90d',
    createdAt: '-700d',
    orgs: [{ orgId: MAIN, role: 'Viewer' }],
    sessions: [],
  }),
  user({
    id: 12,
    login: 'gina',
    name: 'Gina Okafor',
    authModule: 'oauth_generic_oauth',
    lastSeenAt: '-10m',
    createdAt: '-45d',
    orgs: [{ orgId: MAIN, role: 'Editor' }],
    sessions: [session(115, CHROME_MAC, '192.0.2.44', '-2d', '-10m', 'oauth_generic_oauth')],
  }),
  // LDAP: Viewer in Ops through cn=ops-viewers and in Main Org. through the "*" mapping, no grafana_admin key.
  user({
    id: 13,
    login: 'carol',
    name: 'Carol Reyes',
    password: 'carol',
    authModule: 'ldap',
    lastSeenAt: '-25m',
    createdAt: '-180d',
    orgs: [
      { orgId: MAIN, role: 'Viewer' },
      { orgId: OPS, role: 'Viewer' },
    ],
    sessions: [session(116, FIREFOX_WINDOWS, '10.30.2.17', '-1d', '-25m')],
  }),
  // LDAP: Viewer in Main Org. by mapping and the only Admin of Sandbox, an org no mapping covers.
  user({
    id: 14,
    login: 'dave',
    name: 'Dave Brooks',
    password: 'dave',
    authModule: 'ldap',
    lastSeenAt: '-50m',
    createdAt: '-210d',
    orgs: [
      { orgId: MAIN, role: 'Viewer' },
      { orgId: SANDBOX, role: 'Admin' },
    ],
    sessions: [session(117, CHROME_LINUX, '10.20.6.30', '-3d', '-50m')],
  }),
  // LDAP: Editor in Main Org. although his group maps to Viewer (drift until his next LDAP login).
  user({
    id: 15,
    login: 'hank',
    name: 'Hank Morgan',
    password: 'hank',
    authModule: 'ldap',
    lastSeenAt: '-3h',
    createdAt: '-160d',
    orgs: [{ orgId: MAIN, role: 'Editor' }],
    sessions: [session(118, EDGE_WINDOWS, '10.20.4.12', '-2d', '-3h')],
  }),
];
