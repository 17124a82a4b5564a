import { Fields } from './seedFields';
import { LDAP_ROLES, LdapConfig, LdapEntry, LdapGroupMapping, LdapServer, SeedUser } from './seedTypes';

const LDAP_FIELDS = ['enabled', 'skipOrgRoleSync', 'adminUser', 'servers', 'mappings', 'directory'];

/** A seed without an `ldap` object: Grafana's defaults, `[auth.ldap] enabled = false`. */
export function ldapOff(): LdapConfig {
  return { enabled: false, skipOrgRoleSync: false, adminUser: 'admin', servers: [], mappings: [], directory: [] };
}

/** The seed's `ldap` object, checked against the seed's orgs; directory passwords default to the user's. */
export function readLdap(raw: unknown, orgIds: Set<number>, users: SeedUser[], problems: string[]): LdapConfig {
  if (raw === undefined) {
    return ldapOff();
  }
  const f = Fields.of(raw, 'ldap', problems, LDAP_FIELDS);
  if (!f) {
    return ldapOff();
  }
  const byLogin = new Map(users.map((u) => [u.login.toLowerCase(), u]));
  if (!f.has('enabled')) {
    f.problem('enabled', 'is required (true or false)');
  }
  const config: LdapConfig = {
    enabled: f.bool('enabled', false),
    skipOrgRoleSync: f.bool('skipOrgRoleSync', false),
    adminUser: f.string('adminUser', 'admin'),
    servers: f.list('servers').map((s, i) => readServer(s, `ldap.servers[${i}]`, problems)),
    mappings: f.list('mappings').map((m, i) => readMapping(m, `ldap.mappings[${i}]`, orgIds, problems)),
    directory: f.list('directory').map((e, i) => readEntry(e, i, byLogin, problems)),
  };
  if (config.enabled && config.servers.length === 0) {
    f.problem('servers', 'must list at least one server while LDAP is enabled (Grafana refuses such an ldap.toml)');
  }
  const seen = new Set<string>();
  for (const entry of config.directory) {
    if (seen.has(entry.login.toLowerCase())) {
      problems.push(`ldap: duplicate directory login ${JSON.stringify(entry.login)}`);
    }
    seen.add(entry.login.toLowerCase());
  }
  return config;
}

function readServer(raw: unknown, where: string, problems: string[]): LdapServer {
  const f = Fields.of(raw, where, problems, ['host', 'port', 'available', 'error']) ?? new Fields({}, where, [], []);
  return {
    host: f.string('host'),
    port: f.has('port') ? f.id('port') : 389,
    available: f.bool('available', true),
    error: f.string('error', ''),
  };
}

function readMapping(raw: unknown, where: string, orgIds: Set<number>, problems: string[]): LdapGroupMapping {
  const f =
    Fields.of(raw, where, problems, ['groupDn', 'orgId', 'orgRole', 'grafanaAdmin']) ?? new Fields({}, where, [], []);
  const mapping: LdapGroupMapping = {
    groupDn: f.string('groupDn'),
    orgId: f.has('orgId') ? f.id('orgId') : 1,
    orgRole: f.has('orgRole') ? f.oneOf('orgRole', LDAP_ROLES) : null,
    grafanaAdmin: f.has('grafanaAdmin') ? f.bool('grafanaAdmin', false) : null,
  };
  if (f.has('groupDn') && mapping.groupDn.trim() === '') {
    f.problem('groupDn', 'must not be empty ("*" matches everyone)');
  }
  if (mapping.orgRole === null && mapping.grafanaAdmin === null) {
    f.problem('orgRole', 'or "grafanaAdmin" is required (Grafana refuses a group mapping with neither)');
  }
  if (mapping.orgId && !orgIds.has(mapping.orgId)) {
    f.problem('orgId', `must be the id of a seeded org (got ${mapping.orgId}${f.has('orgId') ? '' : ', the default'})`);
  }
  return mapping;
}

function readEntry(raw: unknown, index: number, users: Map<string, SeedUser>, problems: string[]): LdapEntry {
  const login = (raw as { login?: unknown })?.login;
  const where = `ldap.directory[${index}]${typeof login === 'string' ? ` (${login})` : ''}`;
  const f =
    Fields.of(raw, where, problems, ['login', 'name', 'email', 'password', 'groups']) ?? new Fields({}, where, [], []);
  const entry = { login: f.string('login') };
  const user = users.get(entry.login.toLowerCase());
  const groups = f.list('groups').filter((group, i): group is string => {
    if (typeof group !== 'string') {
      f.problem('groups', `must hold group DNs as strings (item ${i} is ${JSON.stringify(group)})`);
    }
    return typeof group === 'string';
  });
  return {
    ...entry,
    name: f.string('name', user?.name ?? ''),
    email: f.string('email', user?.email ?? ''),
    password: f.string('password', user?.password ?? entry.login),
    groups,
  };
}
