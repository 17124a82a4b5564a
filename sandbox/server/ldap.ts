import { LdapConfig, LdapEntry, LdapGroupMapping, LdapRole } from './seedTypes';

/** Grafana's LDAP rules over the seed's directory: server search, group mappings, name split. */

/** One org as the mapping gives it: the first mapping in config order that names one of the user's groups. */
export interface LdapMatch {
  orgId: number;
  orgRole: LdapRole | '';
  groupDN: string;
}

export interface LdapMapping {
  matches: LdapMatch[];
  /** The user's groups that no matched mapping names, lower-cased. */
  unmatchedGroups: string[];
  /** The org roles a sync applies, in config order. */
  orgRoles: Map<number, LdapRole>;
  /** true when a matched mapping grants it, false when they only deny it, null when none of them sets it. */
  isGrafanaAdmin: boolean | null;
  /** Mappings exist but give neither an org role nor the server admin flag: LDAP refuses the login. */
  isDenied: boolean;
}

/** ldap.IsMemberOf: DNs compare case-insensitively and "*" matches everyone. */
export function isMemberOf(groups: string[], groupDn: string): boolean {
  const wanted = groupDn.toLowerCase();
  return groupDn === '*' || groups.some((group) => group.toLowerCase() === wanted);
}

export function mapGroups(mappings: LdapGroupMapping[], groups: string[]): LdapMapping {
  const matches: LdapMatch[] = [];
  const orgRoles = new Map<number, LdapRole>();
  const unmatched = new Set(groups.map((group) => group.toLowerCase()));
  let isGrafanaAdmin: boolean | null = null;
  for (const mapping of mappings) {
    // Only the first match per org counts; a mapping without an org role does not claim its org.
    if (orgRoles.has(mapping.orgId) || !isMemberOf(groups, mapping.groupDn)) {
      continue;
    }
    matches.push({ orgId: mapping.orgId, orgRole: mapping.orgRole ?? '', groupDN: mapping.groupDn });
    unmatched.delete(mapping.groupDn.toLowerCase());
    if (mapping.orgRole) {
      orgRoles.set(mapping.orgId, mapping.orgRole);
    }
    if (mapping.grafanaAdmin !== null && isGrafanaAdmin !== true) {
      isGrafanaAdmin = mapping.grafanaAdmin;
    }
  }
  const isDenied = mappings.length > 0 && orgRoles.size === 0 && isGrafanaAdmin !== true;
  return { matches, unmatchedGroups: [...unmatched], orgRoles, isGrafanaAdmin, isDenied };
}

/** Whether a search can run: multildap tries each server in turn and fails when the last one cannot be dialled. */
export function isReachable(config: LdapConfig): boolean {
  return config.servers.some((server) => server.available);
}

/** The directory entry a search finds, taking search_filter to be "(|(uid=%s)(mail=%s))". */
export function findEntry(config: LdapConfig, username: string): LdapEntry | undefined {
  const wanted = username.toLowerCase();
  return config.directory.find((e) => e.login.toLowerCase() === wanted || e.email.toLowerCase() === wanted);
}

/** util.SplitString on the full name: the first two parts separated by spaces or commas. */
export function splitName(fullName: string): [string, string] {
  const parts = fullName.split(/[\s,]+/).filter(Boolean);
  return [parts[0] ?? '', parts[1] ?? ''];
}
