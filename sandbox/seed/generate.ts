/**
 * Writes a deterministic seed: the named users the browser tests rely on, plus generated ones. Orgs and LDAP come
 * from provisioning/ (demo/setup.json, ldap/ldap.toml, ldap/demo.ldif), the files the real stack runs on.
 *   tsx sandbox/seed/generate.ts [--users N] [--active N] [--sessions-per-active X] [--out FILE]
 * --users is the total user count, --active how many generated users were seen within the last 7 days,
 * --sessions-per-active their average number of sessions (default: about 1.86, from SESSION_COUNTS).
 */
import { writeFileSync } from 'fs';
import { parseArgs } from 'util';

import { demoSetup } from './demoFiles';
import { ldapSeed } from './ldapSeed';
import { DATA_SCIENCE, MAIN, NAMED_USERS, OPS, SeedJson, SessionJson, UserJson } from './namedUsers';
import { DEVICES, FIRST, LAST, NETWORKS, TEAMS } from './pools';

const DAY_MINUTES = 24 * 60;
/** default.json's size: --users and --active when not given. */
export const DEFAULT_USERS = 64;
export const DEFAULT_ACTIVE = 40;
/** An active generated user's number of sessions is drawn from these; some active users have signed out. */
const SESSION_COUNTS = [0, 1, 1, 2, 2, 3, 4];
const SESSION_COUNTS_MEAN = SESSION_COUNTS.reduce((sum, n) => sum + n, 0) / SESSION_COUNTS.length;

export interface GenerateOptions {
  /** Average sessions of an active generated user; absent: SESSION_COUNTS as they are. */
  sessionsPerActive?: number;
}

/** mulberry32: small, seeded, the same numbers on every machine. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

function ip(random: ReturnType<typeof prng>): string {
  const network = random.pick(NETWORKS);
  const octets = network.split('.').length === 2 ? [random.int(0, 255), random.int(1, 254)] : [random.int(1, 254)];
  return [network, ...octets].join('.');
}

function authModuleFor(random: ReturnType<typeof prng>): string {
  const roll = random.int(1, 100);
  return roll <= 55 ? '' : roll <= 80 ? 'ldap' : roll <= 92 ? 'oauth_generic_oauth' : 'oauth_github';
}

/** A count drawn from SESSION_COUNTS, scaled to average `mean` (rounded up or down at random). */
function sessionCountFor(random: ReturnType<typeof prng>, mean: number | undefined): number {
  const drawn = random.pick(SESSION_COUNTS);
  if (mean === undefined) {
    return drawn;
  }
  const scaled = (drawn * mean) / SESSION_COUNTS_MEAN;
  return Math.floor(scaled) + (random.chance(scaled - Math.floor(scaled)) ? 1 : 0);
}

export function generateSeed(totalUsers: number, activeUsers: number, options: GenerateOptions = {}): SeedJson {
  const random = prng(20261203);
  const users: UserJson[] = [...NAMED_USERS];
  const logins = new Map<string, number>();
  let sessionId = 1000;
  for (let i = 0; users.length < totalUsers; i++) {
    // The first generated user administers Data Science, so that every org keeps an Admin.
    const team = i === 0 ? 'data' : random.pick(TEAMS);
    const first = random.pick(FIRST);
    const base = `${team}-${first}`;
    const taken = logins.get(base) ?? 0;
    logins.set(base, taken + 1);
    const login = taken === 0 ? base : `${base}${taken + 1}`;
    const authModule = authModuleFor(random);
    const createdDaysAgo = random.int(30, 900);
    const orgs: UserJson['orgs'] = [{ orgId: MAIN, role: random.chance(0.35) ? 'Editor' : 'Viewer' }];
    if (team === 'ops') {
      orgs.push({ orgId: OPS, role: random.chance(0.5) ? 'Editor' : 'Viewer' });
    } else if (team === 'data') {
      orgs.push({ orgId: DATA_SCIENCE, role: i === 0 ? 'Admin' : random.chance(0.4) ? 'Editor' : 'Viewer' });
    }
    const active = i < activeUsers;
    const lastSeenMinutes = active
      ? random.int(1, 7 * DAY_MINUTES - 60)
      : random.int(8 * DAY_MINUTES, createdDaysAgo * DAY_MINUTES);
    const neverSeen = !active && i % 4 === 1;
    const sessionCount = active ? sessionCountFor(random, options.sessionsPerActive) : 0;
    const sessions: SessionJson[] = [];
    for (let s = 0; s < sessionCount; s++) {
      const seen = s === 0 ? lastSeenMinutes : random.int(lastSeenMinutes, 7 * DAY_MINUTES - 30);
      const created = Math.min(seen + random.int(0, 20 * DAY_MINUTES), 29 * DAY_MINUTES);
      sessions.push({
        id: ++sessionId,
        clientIp: ip(random),
        ...random.pick(DEVICES),
        authModule: authModule.startsWith('oauth_') ? authModule : '',
        createdAt: `-${created}m`,
        seenAt: `-${seen}m`,
      });
    }
    users.push({
      id: 100 + i,
      login,
      name: `${first[0].toUpperCase()}${first.slice(1)} ${random.pick(LAST)}`,
      email: `${login}@example.com`,
      // OAuth accounts have no usable password in Grafana.
      ...(authModule.startsWith('oauth_') ? {} : { password: login }),
      isGrafanaAdmin: i === 3 || i === 7,
      isDisabled: false,
      authModule,
      ...(neverSeen ? {} : { lastSeenAt: `-${lastSeenMinutes}m` }),
      createdAt: `-${createdDaysAgo}d`,
      orgs,
      sessions,
    });
  }
  return {
    viewer: 'admin',
    grafanaVersion: '11.6.7',
    settings: { loginMaximumInactiveLifetime: '7d', loginMaximumLifetime: '30d' },
    // The orgs the real stack's demo setup creates; namedUsers.ts refers to them by id.
    orgs: demoSetup().orgs.map(({ id, name }) => ({ id, name })),
    users,
    ldap: ldapSeed(users),
  };
}

/**
 * The file's text, as Prettier (printWidth 120) would leave it: JSON.stringify's layout, except that an array of
 * strings stays on one line when it fits.
 */
export function seedText(seed: SeedJson): string {
  const stringArray = /^( *)("[^"]+": )\[\n((?: *"(?:[^"\\]|\\.)*",?\n)+) *\](,?)$/gm;
  const text = JSON.stringify(seed, null, 2).replace(stringArray, (block, indent, key, items: string, comma) => {
    const values = items
      .trim()
      .split('\n')
      .map((item) => item.trim().replace(/,$/, ''));
    const line = `${indent}${key}[${values.join(', ')}]${comma}`;
    return line.length <= 120 ? line : block;
  });
  return text + '\n';
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: String(DEFAULT_USERS) },
      active: { type: 'string', default: String(DEFAULT_ACTIVE) },
      'sessions-per-active': { type: 'string' },
      out: { type: 'string', default: 'sandbox/seed/default.json' },
    },
  });
  const [users, active] = [Number(values.users), Number(values.active)];
  const perActive = values['sessions-per-active'];
  const sessionsPerActive = perActive === undefined ? undefined : Number(perActive);
  if (!Number.isInteger(users) || !Number.isInteger(active) || users < 0 || active < 0) {
    console.error('--users and --active take whole numbers');
    process.exit(1);
  }
  if (sessionsPerActive !== undefined && !(sessionsPerActive >= 0 && sessionsPerActive <= 20)) {
    console.error('--sessions-per-active takes a number from 0 to 20');
    process.exit(1);
  }
  const seed = generateSeed(users, active, { sessionsPerActive });
  writeFileSync(values.out!, seedText(seed));
  const sessions = seed.users.reduce((sum, user) => sum + user.sessions.length, 0);
  console.log(`Wrote ${values.out} (${seed.users.length} users, ${sessions} sessions)`);
}
