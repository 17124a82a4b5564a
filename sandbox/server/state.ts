import { OrgRole, Seed, SeedUser } from './seed';
import { SessionStore } from './sessions';
import { Clock, TEN_MINUTES } from './time';

export interface User extends Omit<SeedUser, 'orgs' | 'sessions'> {
  updatedAt: number;
}

export interface Org {
  id: number;
  name: string;
}

export interface Membership {
  orgId: number;
  name: string;
  role: OrgRole;
}

/** The in-memory Grafana: users, orgs, org memberships, sessions and the clock. */
export class GrafanaState {
  clock!: Clock;
  sessions!: SessionStore;
  seed!: Seed;
  readonly users = new Map<number, User>();
  readonly orgs = new Map<number, Org>();
  /** orgId → userId → role, like the org_user table. */
  readonly members = new Map<number, Map<number, OrgRole>>();
  /** Sorted user lists kept between requests (100,000-user seeds); dropped on every change that could reorder them. */
  private readonly sortedLists = new Map<string, unknown[]>();

  constructor(seed: Seed) {
    this.reset(seed);
  }

  /** Replaces everything with the seed's content; cookies issued before stop working. */
  reset(seed: Seed): void {
    this.seed = seed;
    this.sortedLists.clear();
    this.clock = new Clock(seed.now);
    this.sessions = new SessionStore(this.clock, { inactiveMs: seed.inactiveLifetimeMs, maxMs: seed.maxLifetimeMs });
    this.users.clear();
    this.orgs.clear();
    this.members.clear();
    for (const org of seed.orgs) {
      this.orgs.set(org.id, { ...org });
      this.members.set(org.id, new Map());
    }
    for (const { orgs, sessions, ...user } of seed.users) {
      this.users.set(user.id, { ...user, updatedAt: user.createdAt });
      orgs.forEach((m) => this.members.get(m.orgId)!.set(user.id, m.role));
      sessions.forEach((s) => this.sessions.add({ ...s, userId: user.id }));
    }
  }

  memoSorted<T>(key: string, build: () => T[]): T[] {
    const cached = this.sortedLists.get(key) ?? build();
    this.sortedLists.set(key, cached);
    return cached as T[];
  }

  get grafanaMajor(): number {
    return parseInt(this.seed.grafanaVersion, 10) || 0;
  }

  /** Login or email, case-insensitively, as Grafana's login lookup does. */
  findByLoginOrEmail(value: string): User | undefined {
    const wanted = value.toLowerCase();
    const users = [...this.users.values()];
    return users.find((u) => u.login.toLowerCase() === wanted) ?? users.find((u) => u.email.toLowerCase() === wanted);
  }

  findByUid(uid: string): User | undefined {
    return [...this.users.values()].find((u) => u.uid === uid);
  }

  roleIn(orgId: number, userId: number): OrgRole | undefined {
    return this.members.get(orgId)?.get(userId);
  }

  /** The user's orgs ordered by name, as GET /api/users/:id/orgs lists them. */
  membershipsOf(userId: number): Membership[] {
    const result: Membership[] = [];
    for (const [orgId, roles] of this.members) {
      const role = roles.get(userId);
      if (role) {
        result.push({ orgId, name: this.orgs.get(orgId)?.name ?? '', role });
      }
    }
    return result.sort((a, b) => compare(a.name, b.name));
  }

  /** Grafana's UpdateOrgUser: the change is refused when it leaves the org without an Admin. */
  setOrgRole(orgId: number, userId: number, role: OrgRole): 'updated' | 'not-a-member' | 'last-admin' {
    const roles = this.members.get(orgId);
    const previous = roles?.get(userId);
    if (!roles || !previous) {
      return 'not-a-member';
    }
    roles.set(userId, role);
    if (![...roles.values()].includes('Admin')) {
      roles.set(userId, previous);
      return 'last-admin';
    }
    this.sortedLists.clear();
    return 'updated';
  }

  /** Grafana's UpdatePermissions: at least one server admin must remain. */
  setServerAdmin(user: User, isGrafanaAdmin: boolean): 'updated' | 'last-admin' {
    const othersAdmin = [...this.users.values()].some((u) => u.id !== user.id && u.isGrafanaAdmin);
    if (!isGrafanaAdmin && !othersAdmin) {
      return 'last-admin';
    }
    user.isGrafanaAdmin = isGrafanaAdmin;
    user.updatedAt = this.clock.now();
    this.sortedLists.clear();
    return 'updated';
  }

  /** Disabling also ends every session of the user, as AdminDisableUser does. */
  setDisabled(user: User, isDisabled: boolean): void {
    user.isDisabled = isDisabled;
    user.updatedAt = this.clock.now();
    this.sortedLists.clear();
    if (isDisabled) {
      this.sessions.revokeAll(user.id);
    }
  }

  /** last_seen_at moves at most every 10 minutes per user. */
  markSeen(user: User): void {
    const now = this.clock.now();
    if (now - user.lastSeenAt >= TEN_MINUTES) {
      user.lastSeenAt = now;
      this.sortedLists.clear();
    }
  }
}

/** Byte-wise ordering, close to how SQL sorts ASCII logins and names. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
