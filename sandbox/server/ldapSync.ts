import { LDAP } from './authModules';
import { findEntry, isReachable, mapGroups } from './ldap';
import { LdapEntry, LdapRole } from './seedTypes';
import { GrafanaState, User } from './state';

/**
 * What Grafana's post-login hooks do with an LDAP identity, at login and on POST /api/admin/ldap/sync/:id:
 * user sync (name, email, and the server admin flag unless org role sync is skipped), enable, then org role sync.
 * Sessions are left alone. Where Grafana would fail half-way, on an org role update that leaves an org without an
 * Admin, nothing is changed here.
 */
export function syncFromLdap(state: GrafanaState, user: User, entry: LdapEntry): 'synced' | 'last-admin' {
  const { skipOrgRoleSync, mappings } = state.ldap;
  const mapping = mapGroups(mappings, entry.groups);
  const orgRoles = skipOrgRoleSync ? new Map<number, LdapRole>() : mapping.orgRoles;
  if ([...orgRoles].some(([orgId, role]) => role !== 'Admin' && state.isLastAdmin(orgId, user.id))) {
    return 'last-admin';
  }
  state.updateUser(user, {
    // Empty attributes leave the Grafana values alone.
    name: entry.name || undefined,
    email: entry.email || undefined,
    // Grafana sets the flag false when no matched mapping grants it.
    ...(skipOrgRoleSync ? {} : { isGrafanaAdmin: mapping.isGrafanaAdmin === true }),
    isDisabled: false,
  });
  // No org role from the mappings: org sync is skipped altogether.
  if (orgRoles.size > 0) {
    syncOrgRoles(state, user, orgRoles);
  }
  return 'synced';
}

/** SyncOrgRolesHook: mapped roles set or added, other memberships dropped unless the org would lose its last Admin. */
function syncOrgRoles(state: GrafanaState, user: User, orgRoles: Map<number, LdapRole>): void {
  for (const membership of state.membershipsOf(user.id)) {
    const role = orgRoles.get(membership.orgId);
    if (!role) {
      state.removeMember(membership.orgId, user.id);
    } else if (role !== membership.role) {
      state.setOrgRole(membership.orgId, user.id, role);
    }
  }
  for (const [orgId, role] of orgRoles) {
    if (!state.roleIn(orgId, user.id)) {
      state.addMember(orgId, user.id, role);
    }
  }
  if (!orgRoles.has(user.orgId)) {
    state.updateUser(user, { orgId: orgRoles.keys().next().value! });
  }
}

/**
 * Grafana's LDAP password client, for a sign-in while LDAP is enabled: binds against the directory and syncs.
 * Local users are not LDAP's business ('not-ldap'): the database password decides for them.
 */
export function ldapLogin(state: GrafanaState, username: string, password: string): User | 'refused' | 'not-ldap' {
  const config = state.ldap;
  const existing = state.findByLoginOrEmail(username);
  if (!config.enabled || (existing && existing.authModule !== LDAP)) {
    return 'not-ldap';
  }
  if (!isReachable(config)) {
    return 'refused';
  }
  const entry = findEntry(config, username);
  if (!entry) {
    // Gone from the directory: Grafana disables the LDAP user it knows under that name.
    if (existing) {
      state.setDisabled(existing, true);
    }
    return 'refused';
  }
  if (entry.password !== password) {
    return 'refused';
  }
  if (!config.skipOrgRoleSync && mapGroups(config.mappings, entry.groups).isDenied) {
    return 'refused';
  }
  const user = existing ?? signUp(state, entry);
  return user && syncFromLdap(state, user, entry) === 'synced' ? user : 'refused';
}

/** allow_sign_up (default true): the first LDAP login creates the user in auto_assign_org (1) as Viewer. */
function signUp(state: GrafanaState, entry: LdapEntry): User | null {
  const taken = state.findByLoginOrEmail(entry.login) ?? (entry.email ? state.findByLoginOrEmail(entry.email) : null);
  const orgId = state.orgs.has(1) ? 1 : state.orgs.keys().next().value;
  if (taken || orgId === undefined) {
    return null;
  }
  return state.addUser({ login: entry.login, name: entry.name, email: entry.email, authModule: LDAP }, orgId, 'Viewer');
}
