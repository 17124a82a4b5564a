// LDAP rules: what the next LDAP login (or "Apply LDAP now") will do to a user, compared with
// what Grafana stores now. Mirrors Grafana's sync: first matching mapping per org, unmapped orgs
// removed, the server admin flag set from grafana_admin when LDAP manages it.
import { LdapUserMapping, OrgMember, OrgMembership, UserSummary } from '../api/types';

export function isLdapUser(user: Pick<UserSummary, 'authLabels'>): boolean {
  return user.authLabels.some((label) => label.toUpperCase() === 'LDAP');
}

export type Drift =
  | { kind: 'role'; orgId: number; orgName: string; grafana: string; ldap: string; groupDn: string }
  | { kind: 'added'; orgId: number; orgName: string; ldap: string; groupDn: string }
  | { kind: 'removed'; orgId: number; orgName: string; grafana: string }
  | { kind: 'serverAdmin'; grafana: boolean; ldap: boolean }
  | { kind: 'denied' };

/** Differences between Grafana's stored roles and what LDAP maps now. Empty: no drift. */
export function ldapDrift(orgs: OrgMembership[], isServerAdmin: boolean, mapping: LdapUserMapping): Drift[] {
  if (mapping.isDisabled) {
    return [{ kind: 'denied' }];
  }
  const drift: Drift[] = [];
  for (const mapped of mapping.orgRoles) {
    const membership = orgs.find((o) => o.orgId === mapped.orgId);
    if (!membership) {
      drift.push({
        kind: 'added',
        orgId: mapped.orgId,
        orgName: mapped.orgName,
        ldap: mapped.role,
        groupDn: mapped.groupDn,
      });
    } else if (membership.role !== mapped.role) {
      drift.push({
        kind: 'role',
        orgId: mapped.orgId,
        orgName: membership.orgName,
        grafana: membership.role,
        ldap: mapped.role,
        groupDn: mapped.groupDn,
      });
    }
  }
  // Grafana skips org sync entirely when the mapping yields no org roles.
  if (mapping.orgRoles.length > 0) {
    for (const membership of orgs) {
      if (!mapping.orgRoles.some((m) => m.orgId === membership.orgId)) {
        drift.push({ kind: 'removed', orgId: membership.orgId, orgName: membership.orgName, grafana: membership.role });
      }
    }
  }
  if (mapping.isGrafanaAdmin !== null && mapping.isGrafanaAdmin !== isServerAdmin) {
    drift.push({ kind: 'serverAdmin', grafana: isServerAdmin, ldap: mapping.isGrafanaAdmin });
  }
  return drift;
}

export function describeDrift(drift: Drift): string {
  switch (drift.kind) {
    case 'role':
      return `${drift.orgName}: ${drift.grafana} in Grafana, LDAP maps ${drift.ldap} (${groupName(drift.groupDn)})`;
    case 'added':
      return `${drift.orgName}: not a member in Grafana, LDAP maps ${drift.ldap} (${groupName(drift.groupDn)})`;
    case 'removed':
      return `${drift.orgName}: ${drift.grafana} in Grafana, no LDAP mapping covers this org (the next login removes it)`;
    case 'serverAdmin':
      return `Server admin: ${drift.grafana ? 'yes' : 'no'} in Grafana, LDAP sets ${drift.ldap ? 'yes' : 'no'}`;
    case 'denied':
      return 'No LDAP group mapping matches this user: their next login will be refused';
  }
}

/** "cn=admins,ou=groups,dc=example,dc=com" → "group cn=admins,…"; "*" → "the catch-all mapping". */
export function groupName(groupDn: string): string {
  return groupDn === '*' ? 'the catch-all mapping "*"' : `group ${groupDn}`;
}

/** The mapping that grants the user's role in an org, if any. */
export function grantingGroup(mapping: LdapUserMapping, orgId: number): string | undefined {
  return mapping.orgRoles.find((r) => r.orgId === orgId)?.groupDn;
}

/** Orgs the user is the only Admin of: Grafana refuses to demote or remove them there. */
export function soleAdminOrgs(userId: number, membersByOrg: Map<number, OrgMember[]>): number[] {
  return [...membersByOrg.entries()]
    .filter(([, members]) => {
      const admins = members.filter((m) => m.role === 'Admin');
      return admins.length === 1 && admins[0].userId === userId;
    })
    .map(([orgId]) => orgId);
}

/**
 * What LDAP login does to a membership no mapping covers when the user is that org's only Admin. Grafana removes
 * users from unmapped orgs at login, but not where that would leave an org without an Admin (grafana-api.md);
 * Grafana 4 and 5 failed the whole login instead (field case 4, grafana/grafana#6764).
 */
export function soleAdminUnmappedText(login: string, orgName: string): string {
  return (
    `${login} is the only Admin of ${orgName}, which no LDAP mapping covers. Grafana keeps that membership at LDAP ` +
    `login only while ${login} is its last Admin: once someone else is Admin of ${orgName}, the next LDAP login ` +
    `removes ${login} from it (Grafana 4 and 5 failed the whole login instead). To keep it, add a mapping for ${orgName}.`
  );
}

/** Orgs where an LDAP user is sole Admin but no mapping covers them (see soleAdminUnmappedText). */
export function soleAdminOfUnmappedOrgs(
  orgs: OrgMembership[],
  mapping: LdapUserMapping,
  soleAdminOrgIds: number[]
): OrgMembership[] {
  if (mapping.orgRoles.length === 0) {
    return [];
  }
  return orgs.filter((o) => soleAdminOrgIds.includes(o.orgId) && !mapping.orgRoles.some((m) => m.orgId === o.orgId));
}

/** A few words for the table cell; describeDrift gives the full sentence. */
export function shortDrift(drift: Drift): string {
  switch (drift.kind) {
    case 'role':
    case 'added':
      return `LDAP: ${drift.ldap} in ${drift.orgName}`;
    case 'removed':
      return `LDAP: not in ${drift.orgName}`;
    case 'serverAdmin':
      return `LDAP: server admin ${drift.ldap ? 'yes' : 'no'}`;
    case 'denied':
      return 'LDAP: login refused';
  }
}
