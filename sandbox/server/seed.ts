import { readFileSync } from 'fs';

import { Fields } from './seedFields';
import { readLdap } from './seedLdap';
import { Seed } from './seedTypes';
import { readUser } from './seedUsers';
import { parseDuration } from './time';

export * from './seedTypes';

export class SeedError extends Error {
  constructor(
    source: string,
    readonly problems: string[]
  ) {
    super(`Invalid seed ${source}:\n  - ${problems.join('\n  - ')}`);
  }
}

const TOP_FIELDS = ['viewer', 'now', 'grafanaVersion', 'settings', 'settingsReadable', 'orgs', 'users', 'ldap'];

export function loadSeedFile(path: string, realNow = Date.now()): Seed {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SeedError(path, [(error as Error).message]);
  }
  return parseSeed(raw, path, realNow);
}

/** Validates a seed and resolves its relative times against the seed's clock. Throws SeedError. */
export function parseSeed(raw: unknown, source = '(inline)', realNow = Date.now()): Seed {
  const problems: string[] = [];
  const top = Fields.of(raw, 'seed', problems, TOP_FIELDS);
  if (!top) {
    throw new SeedError(source, problems);
  }
  const fixedNow = top.has('now') ? top.time('now', realNow, realNow) : null;
  const now = fixedNow ?? realNow;
  const settings = Fields.of(top.has('settings') ? (raw as { settings: unknown }).settings : {}, 'settings', problems, [
    'loginMaximumInactiveLifetime',
    'loginMaximumLifetime',
  ]);
  const orgs = top.list('orgs').map((org, i) => readOrg(org, `orgs[${i}]`, problems));
  const users = top.list('users').map((user, i) => readUser(user, i, now, problems));
  const inactive = readDuration(settings, 'loginMaximumInactiveLifetime', '7d');
  const max = readDuration(settings, 'loginMaximumLifetime', '30d');
  const seed: Seed = {
    viewer: top.string('viewer'),
    now: fixedNow,
    grafanaVersion: top.string('grafanaVersion', '12.0.0'),
    settings: { loginMaximumInactiveLifetime: inactive.text, loginMaximumLifetime: max.text },
    settingsReadable: top.bool('settingsReadable', true),
    inactiveLifetimeMs: inactive.ms,
    maxLifetimeMs: max.ms,
    orgs,
    users,
    ldap: readLdap((raw as { ldap?: unknown }).ldap, new Set(orgs.map((o) => o.id)), users, problems),
  };
  checkReferences(seed, problems);
  if (problems.length > 0) {
    throw new SeedError(source, problems);
  }
  return seed;
}

function readDuration(fields: Fields | null, key: string, fallback: string): { text: string; ms: number } {
  const text = fields?.string(key, fallback) ?? fallback;
  const ms = parseDuration(text);
  if (ms === null || ms === 0) {
    fields?.problem(key, `must be a Grafana duration such as "7d" or "12h" (got ${JSON.stringify(text)})`);
    return { text: fallback, ms: parseDuration(fallback)! };
  }
  return { text, ms };
}

function readOrg(raw: unknown, where: string, problems: string[]): { id: number; name: string } {
  const org = Fields.of(raw, where, problems, ['id', 'name']);
  return { id: org?.id('id') ?? 0, name: org?.string('name') ?? '' };
}

function checkReferences(seed: Seed, problems: string[]): void {
  const orgIds = new Set(seed.orgs.map((o) => o.id));
  const unique: Array<[Array<string | number>, string]> = [
    [seed.orgs.map((o) => o.id), 'org id'],
    [seed.users.map((u) => u.id), 'user id'],
    [seed.users.map((u) => u.login.toLowerCase()), 'user login'],
    [seed.users.map((u) => u.email.toLowerCase()).filter(Boolean), 'user email'],
    [seed.users.flatMap((u) => u.sessions.map((s) => s.id)), 'session id'],
    ...seed.users.map((u): [number[], string] => [u.orgs.map((m) => m.orgId), `org membership of ${u.login}`]),
  ];
  unique.forEach(([values, what]) => duplicates(values, what, problems));
  for (const user of seed.users) {
    for (const m of user.orgs.filter((m) => m.orgId && !orgIds.has(m.orgId))) {
      problems.push(`user ${user.login}: org ${m.orgId} is not in "orgs"`);
    }
  }
  const viewer = seed.users.find((u) => u.login === seed.viewer);
  if (seed.viewer && !viewer) {
    problems.push(`seed: "viewer" names no user (got ${JSON.stringify(seed.viewer)})`);
  } else if (viewer?.isDisabled) {
    problems.push(`seed: "viewer" ${viewer.login} is disabled and could not be signed in`);
  }
}

function duplicates(values: Array<string | number>, what: string, problems: string[]): void {
  const seen = new Set<string | number>();
  for (const value of values) {
    if (seen.has(value)) {
      problems.push(`duplicate ${what} ${JSON.stringify(value)}`);
    }
    seen.add(value);
  }
}
