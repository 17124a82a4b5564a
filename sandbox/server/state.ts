import { SyncFlags, syncFlags } from './authModules';
import { LdapConfig, OrgRole, Seed, SeedUser } from './seed';
import { generatedUid } from './seedUsers';
import { SessionStore } from './sessions';
import { Clock, neverSeen, TEN_MINUTES } from './time';

export interface User extends Omit<SeedUser, 'orgs' | 'sessions'> {
  updatedAt: number;
}

export interface Org {
  id: number;
  name: string;
}

/** What an external login may change on a user (Grafana's UpdateUserCommand from the user sync). */
export type UserChanges = Partial<Pick<User, 'name' | 'email' | 'isGrafanaAdmin' | 'isDisabled' | 'orgId'>>;

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
  /** The LDAP config in force: the seed's, as changed since through the test hooks. */
  ldap!: LdapConfig;
  /** Whether GET /api/admin/settings answers: the seed's choice, as changed since through the test hooks. */
  settingsReadable!: boolean;
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
    this.ldap = structuredClone(seed.ldap);
    this.settingsReadable = seed.settingsReadable;
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
    for (const user of seed.users) {
      this.users.set(user.id, userRow(user));
      user.orgs.forEach((m) => this.members.get(m.orgId)!.set(user.id, m.role));
      user.sessions.forEach((s) => this.sessions.add({ ...s, userId: user.id }));
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

  /** Whether Grafana treats the user's roles (and server admin flag) as managed by their auth provider. */
  syncFlags(user: User): SyncFlags {
    return syncFlags(user, this.ldap);
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

  /** True when the user is the org's only Admin, so that demoting or removing them is refused. */
  isLastAdmin(orgId: number, userId: number): boolean {
    const roles = this.members.get(orgId);
    return roles?.get(userId) === 'Admin' && [...roles].every(([id, role]) => id === userId || role !== 'Admin');
  }

  addMember(orgId: number, userId: number, role: OrgRole): void {
    this.members.get(orgId)?.set(userId, role);
    this.sortedLists.clear();
  }

  /** Grafana's RemoveOrgUser: refused when it would leave the org without an Admin. */
  removeMember(orgId: number, userId: number): 'removed' | 'last-admin' {
    if (this.isLastAdmin(orgId, userId)) {
      return 'last-admin';
    }
    this.members.get(orgId)?.delete(userId);
    this.sortedLists.clear();
    return 'removed';
  }

  /** A user created by an external login (LDAP sign-up), member of `orgId` only. */
  addUser(fields: Pick<User, 'login' | 'name' | 'email' | 'authModule'>, orgId: number, role: OrgRole): User {
    const now = this.clock.now();
    const user: User = {
      ...fields,
      id: [...this.users.keys()].reduce((max, id) => Math.max(max, id), 0) + 1,
      uid: generatedUid(fields.login),
      password: null,
      isGrafanaAdmin: false,
      isDisabled: false,
      isExternallySynced: null,
      isGrafanaAdminExternallySynced: null,
      createdAt: now,
      updatedAt: now,
      lastSeenAt: neverSeen(now),
      orgId,
    };
    this.users.set(user.id, user);
    this.addMember(orgId, user.id, role);
    return user;
  }

  /** Grafana's UpdateUser as the external user sync calls it: no last-server-admin check, sessions untouched. */
  updateUser(user: User, changes: UserChanges): void {
    const changed = Object.entries(changes).filter(
      ([key, value]) => value !== undefined && user[key as keyof UserChanges] !== value
    );
    if (changed.length > 0) {
      Object.assign(user, Object.fromEntries(changed));
      user.updatedAt = this.clock.now();
      this.sortedLists.clear();
    }
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

  /** last_seen_at moves at most every 10 minutes per user; only the lists sorted by it change order. */
  markSeen(user: User): void {
    const now = this.clock.now();
    if (now - user.lastSeenAt >= TEN_MINUTES) {
      user.lastSeenAt = now;
      [...this.sortedLists.keys()]
        .filter((key) => key.includes('lastSeenAt'))
        .forEach((key) => this.sortedLists.delete(key));
    }
  }
}

/**
 * Every seeded user as an object of one shape. A rest spread (`{ orgs, sessions, ...user }`) gives each object its
 * own hidden class, and reading a field of 100,000 such objects (sorting, stats) is then several times slower.
 */
function userRow(u: SeedUser): User {
  return {
    id: u.id,
    uid: u.uid,
    login: u.login,
    name: u.name,
    email: u.email,
    password: u.password,
    isGrafanaAdmin: u.isGrafanaAdmin,
    isDisabled: u.isDisabled,
    authModule: u.authModule,
    isExternallySynced: u.isExternallySynced,
    isGrafanaAdminExternallySynced: u.isGrafanaAdminExternallySynced,
    createdAt: u.createdAt,
    lastSeenAt: u.lastSeenAt,
    orgId: u.orgId,
    updatedAt: u.createdAt,
  };
}

/** Byte-wise ordering, close to how SQL sorts ASCII logins and names. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
