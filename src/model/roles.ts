// Rules about roles: what changes, what is a demotion, and when Grafana will refuse an edit.
import { isOrgRole, OrgMembership, OrgRole, UserProfile } from '../api/types';
import { soleAdminUnmappedText } from './ldap';

const RANK: Record<OrgRole, number> = { None: 0, Viewer: 1, Editor: 2, Admin: 3 };

export interface RoleChange {
  orgId: number;
  orgName: string;
  from: string;
  to: OrgRole;
}

export interface RoleEdit {
  roles: Record<number, OrgRole>;
  isServerAdmin: boolean;
}

export function changedOrgRoles(memberships: OrgMembership[], edit: RoleEdit): RoleChange[] {
  return memberships
    .filter((m) => edit.roles[m.orgId] !== undefined && edit.roles[m.orgId] !== m.role)
    .map((m) => ({ orgId: m.orgId, orgName: m.orgName, from: m.role, to: edit.roles[m.orgId] }));
}

/** True when the edit takes any right away: a lower org role or losing server admin. */
export function isDemotion(changes: RoleChange[], serverAdminBefore: boolean, serverAdminAfter: boolean): boolean {
  const lowerRole = changes.some((c) => isOrgRole(c.from) && RANK[c.to] < RANK[c.from]);
  return lowerRole || (serverAdminBefore && !serverAdminAfter);
}

export interface RoleLock {
  /** Set when Grafana will refuse org role changes for this user. */
  orgRoles?: string;
  /** Set when Grafana will refuse server admin flag changes for this user. */
  serverAdmin?: string;
}

function providerName(profile: UserProfile): string {
  return profile.authLabels[0] ?? 'the login provider';
}

function whatToDoInstead(provider: string): string {
  if (provider === 'LDAP') {
    return 'Change the user’s LDAP group membership or the group mapping in ldap.toml; to manage roles here instead, set skip_org_role_sync = true in [auth.ldap].';
  }
  return `Change the role at ${provider} (its role mapping); to manage roles here instead, set skip_org_role_sync = true in that provider’s [auth.*] section.`;
}

/** Reads the lock from what Grafana reports for the user, never from guesses about the config. */
export function roleLock(profile: UserProfile): RoleLock {
  const provider = providerName(profile);
  const lock: RoleLock = {};
  if (profile.isExternallySynced) {
    lock.orgRoles = `${provider} manages this user’s org roles: Grafana refuses changes here and re-applies ${provider}’s roles at the next login. ${whatToDoInstead(provider)}`;
  }
  if (profile.isServerAdminExternallySynced) {
    lock.serverAdmin = `${provider} manages this user’s server admin flag: Grafana refuses changes here and sets it again at the next login.`;
  }
  return lock;
}

/** "None" (no basic role) is accepted from Grafana 10; every supported version has it. */
export function editableRoles(): OrgRole[] {
  return ['Viewer', 'Editor', 'Admin', 'None'];
}

export interface ServerAdminCount {
  count: number;
  complete: boolean;
}

export interface WarningContext {
  profile: UserProfile;
  orgs: OrgMembership[];
  edit: RoleEdit;
  /** Server admins among the users the page read (this user included); `complete` once it read every user. */
  serverAdmins: ServerAdminCount;
  /** Orgs where this user is the only Admin. */
  soleAdminOrgIds: number[];
  /** Org ids LDAP maps this user into, when the user is an LDAP user and LDAP was read. */
  ldapOrgIds?: number[];
  viewerId?: number;
}

export interface RoleWarning {
  text: string;
  /** Grafana will refuse the save as it stands. */
  refused: boolean;
}

/** What Grafana will refuse or undo, said before the admin saves. */
export function roleWarnings({
  profile,
  orgs,
  edit,
  serverAdmins,
  soleAdminOrgIds,
  ldapOrgIds,
  viewerId,
}: WarningContext): RoleWarning[] {
  const warnings: RoleWarning[] = [];
  if (profile.id === viewerId && isDemotion(changedOrgRoles(orgs, edit), profile.isServerAdmin, edit.isServerAdmin)) {
    warnings.push({
      text:
        profile.isServerAdmin && !edit.isServerAdmin
          ? 'This is you: without the server admin flag you lose this page and Grafana’s server admin pages as soon as you save, and only another server admin can give the flag back.'
          : 'This is you: you are lowering your own rights, and this page may stop working for you.',
      refused: false,
    });
  }
  for (const change of changedOrgRoles(orgs, edit)) {
    if (change.from === 'Admin' && soleAdminOrgIds.includes(change.orgId)) {
      warnings.push({
        text: `${change.orgName} would have no Admin left: Grafana refuses this change. Make another member Admin of ${change.orgName} first.`,
        refused: true,
      });
    }
  }
  if (profile.isServerAdmin && !edit.isServerAdmin && serverAdmins.count <= 1) {
    // A pruned scan leaves out users not seen lately, server admins among them: then this is a guess, not a refusal.
    warnings.push(
      serverAdmins.complete
        ? {
            text: `${profile.login} is the last server admin: Grafana refuses to remove the flag. Make another user a server admin first.`,
            refused: true,
          }
        : {
            text: `${profile.login} may be the last server admin: no other server admin was among the users read. If there is none, Grafana refuses to remove the flag; turn on "Scan every user" at the top of the page to know for sure.`,
            refused: false,
          }
    );
  }
  if (ldapOrgIds && ldapOrgIds.length > 0) {
    for (const org of orgs) {
      if (soleAdminOrgIds.includes(org.orgId) && !ldapOrgIds.includes(org.orgId)) {
        warnings.push({
          text: soleAdminUnmappedText(profile.login, org.orgName),
          refused: false,
        });
      }
    }
  }
  return warnings;
}
