/** The seed once validated, with every time resolved to epoch milliseconds. */

export const ORG_ROLES = ['Admin', 'Editor', 'Viewer', 'None'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export interface SeedSession {
  id: number;
  clientIp: string;
  browser: string;
  browserVersion: string;
  os: string;
  osVersion: string;
  device: string;
  /** Module of the external (OAuth/SAML) session behind the token, "" for none. */
  authModule: string;
  createdAt: number;
  seenAt: number;
}

export interface SeedUser {
  id: number;
  uid: string;
  login: string;
  name: string;
  email: string;
  /** null: the user cannot sign in with a password. */
  password: string | null;
  isGrafanaAdmin: boolean;
  isDisabled: boolean;
  authModule: string;
  /** Explicit override; null: derived from the auth module and the provider's config (see syncFlags). */
  isExternallySynced: boolean | null;
  isGrafanaAdminExternallySynced: boolean | null;
  createdAt: number;
  /** Already resolved: never-seen users get createdAt minus ten years, as Grafana stores them. */
  lastSeenAt: number;
  /** The user's current org; 0 when they belong to none. */
  orgId: number;
  orgs: Array<{ orgId: number; role: OrgRole }>;
  sessions: SeedSession[];
}

export interface Seed {
  viewer: string;
  /** Fixed clock, or null for real time. */
  now: number | null;
  grafanaVersion: string;
  /** The `[auth]` durations as written in grafana.ini, which GET /api/admin/settings reports. */
  settings: { loginMaximumInactiveLifetime: string; loginMaximumLifetime: string };
  /** false: GET /api/admin/settings answers 403, as for an admin whose RBAC role lacks settings:read. */
  settingsReadable: boolean;
  inactiveLifetimeMs: number;
  maxLifetimeMs: number;
  orgs: Array<{ id: number; name: string }>;
  users: SeedUser[];
  ldap: LdapConfig;
}

export const LDAP_ROLES = ['Admin', 'Editor', 'Viewer'] as const;
export type LdapRole = (typeof LDAP_ROLES)[number];

/** `[auth.ldap]` of grafana.ini with the servers of ldap.toml, plus the directory those servers hold. */
export interface LdapConfig {
  enabled: boolean;
  skipOrgRoleSync: boolean;
  /** `[security] admin_user`: the account a manual sync refuses to disable. */
  adminUser: string;
  servers: LdapServer[];
  /** `[[servers.group_mappings]]` in config order. */
  mappings: LdapGroupMapping[];
  directory: LdapEntry[];
}

export interface LdapServer {
  host: string;
  port: number;
  available: boolean;
  /** What a dial reports while the server is unavailable. */
  error: string;
}

export interface LdapGroupMapping {
  groupDn: string;
  orgId: number;
  orgRole: LdapRole | null;
  grafanaAdmin: boolean | null;
}

export interface LdapEntry {
  /** uid */
  login: string;
  /** givenName and sn, space-separated */
  name: string;
  email: string;
  password: string;
  /** memberOf DNs */
  groups: string[];
}
