import { parse } from 'smol-toml';

/** Grafana's ldap.toml: the keys this project uses, Grafana's defaults, and the checks Grafana makes on load. */

export type OrgRole = 'Admin' | 'Editor' | 'Viewer';
const ORG_ROLES: readonly string[] = ['Admin', 'Editor', 'Viewer'];

export interface GroupMapping {
  groupDn: string;
  orgId: number;
  orgRole?: OrgRole;
  /** Absent when the key is not in the file: Grafana then leaves the server admin flag alone. */
  grafanaAdmin?: boolean;
}

export interface LdapServerConfig {
  host: string;
  port: number;
  bindDn: string;
  bindPassword: string;
  searchFilter: string;
  searchBaseDns: string[];
  groupSearchFilter: string;
  groupSearchFilterUserAttribute: string;
  groupSearchBaseDns: string[];
  attributes: { username: string; name: string; surname: string; email: string; memberOf: string };
  groupMappings: GroupMapping[];
}

type Table = Record<string, unknown>;

export function parseLdapToml(text: string): LdapServerConfig[] {
  const servers = (parse(text) as Table).servers;
  if (!Array.isArray(servers) || servers.length === 0) {
    throw new Error('ldap.toml: LDAP enabled but no LDAP servers defined in config file');
  }
  return servers.map((server: Table, i) => readServer(server, `servers[${i}]`));
}

function readServer(server: Table, where: string): LdapServerConfig {
  const text = (key: string, fallback = '') => {
    const value = server[key] ?? fallback;
    if (typeof value !== 'string') {
      throw new Error(`ldap.toml ${where}.${key}: expected a string`);
    }
    return value;
  };
  const list = (key: string) => {
    const value = server[key] ?? [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new Error(`ldap.toml ${where}.${key}: expected a list of strings`);
    }
    return value as string[];
  };
  const attributes = (server.attributes ?? {}) as Table;
  const attribute = (key: string) => String(attributes[key] ?? '');
  const config: LdapServerConfig = {
    host: text('host'),
    port: Number(server.port ?? (server.use_ssl ? 636 : 389)),
    bindDn: text('bind_dn'),
    bindPassword: text('bind_password'),
    searchFilter: text('search_filter'),
    searchBaseDns: list('search_base_dns'),
    groupSearchFilter: text('group_search_filter'),
    groupSearchFilterUserAttribute: text('group_search_filter_user_attribute'),
    groupSearchBaseDns: list('group_search_base_dns'),
    attributes: {
      username: attribute('username'),
      name: attribute('name'),
      surname: attribute('surname'),
      email: attribute('email'),
      memberOf: attribute('member_of'),
    },
    groupMappings: ((server.group_mappings ?? []) as Table[]).map((m, i) =>
      readMapping(m, `${where}.group_mappings[${i}]`)
    ),
  };
  if (!config.searchFilter || config.searchBaseDns.length === 0) {
    throw new Error(`ldap.toml ${where}: LDAP config file is missing option: search_filter or search_base_dns`);
  }
  return config;
}

function readMapping(raw: Table, where: string): GroupMapping {
  const { group_dn: groupDn, org_id: orgId = 1, org_role: orgRole, grafana_admin: grafanaAdmin } = raw;
  if (typeof groupDn !== 'string' || groupDn === '') {
    throw new Error(`ldap.toml ${where}: group_dn is required`);
  }
  if (orgRole !== undefined && !ORG_ROLES.includes(orgRole as string)) {
    throw new Error(`ldap.toml ${where}: org_role must be one of ${ORG_ROLES.join(', ')}`);
  }
  if (orgRole === undefined && grafanaAdmin === undefined) {
    throw new Error(`ldap.toml ${where}: org_role or grafana_admin is required`);
  }
  if (grafanaAdmin !== undefined && typeof grafanaAdmin !== 'boolean') {
    throw new Error(`ldap.toml ${where}: grafana_admin must be true or false`);
  }
  return {
    groupDn,
    orgId: Number(orgId),
    ...(orgRole !== undefined ? { orgRole: orgRole as OrgRole } : {}),
    ...(grafanaAdmin !== undefined ? { grafanaAdmin } : {}),
  };
}

/**
 * What Grafana's LDAP login makes of a user's groups (buildGrafanaUser): per org the first mapping in config order
 * whose group_dn is one of the groups (case-insensitively) or "*".
 */
export function mappedRoles(mappings: GroupMapping[], groups: string[]): Map<number, OrgRole> {
  const lower = new Set(groups.map((g) => g.toLowerCase()));
  const roles = new Map<number, OrgRole>();
  for (const mapping of mappings) {
    if (roles.has(mapping.orgId) || !(mapping.groupDn === '*' || lower.has(mapping.groupDn.toLowerCase()))) {
      continue;
    }
    if (mapping.orgRole) {
      roles.set(mapping.orgId, mapping.orgRole);
    }
  }
  return roles;
}
