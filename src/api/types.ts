// Domain types: what the rest of the plugin knows about Grafana. Raw JSON never leaves src/api.

export type OrgRole = 'Admin' | 'Editor' | 'Viewer' | 'None';

export const ORG_ROLES: readonly OrgRole[] = ['Viewer', 'Editor', 'Admin', 'None'];

export function isOrgRole(value: unknown): value is OrgRole {
  return typeof value === 'string' && (ORG_ROLES as readonly string[]).includes(value);
}

/** One hit of `GET /api/users/search`. */
export interface UserSummary {
  id: number;
  uid?: string;
  login: string;
  name: string;
  email: string;
  /** The Grafana server admin flag (`isAdmin` in search hits), never an org role. */
  isServerAdmin: boolean;
  isDisabled: boolean;
  /** Grafana reports never-seen users as seen ten years before creation. */
  lastSeenAt?: Date;
  /** Provider labels such as "LDAP" or "Generic OAuth"; empty for local users. */
  authLabels: string[];
}

export interface UserSearchPage {
  totalCount: number;
  page: number;
  perPage: number;
  users: UserSummary[];
}

/** `GET /api/users/:id`. */
export interface UserProfile extends UserSummary {
  orgId: number;
  isExternal: boolean;
  /** Grafana refuses org role edits for this user: its login provider manages them. */
  isExternallySynced: boolean;
  /** Grafana refuses server admin flag edits for this user. */
  isServerAdminExternallySynced: boolean;
}

/** One entry of `GET /api/users/:id/orgs`. */
export interface OrgMembership {
  orgId: number;
  orgName: string;
  /** Usually an OrgRole; kept as text so an unknown future role still shows. */
  role: string;
}

/** One row of `user_auth_token`, as `GET /api/admin/users/:id/auth-tokens` reports it. */
export interface Session {
  id: number;
  /** True only for the session making the request: the admin's own browser. */
  isActive: boolean;
  clientIp: string;
  browser: string;
  browserVersion: string;
  os: string;
  osVersion: string;
  device: string;
  /** Provider of a linked external session (newer Grafana only); undefined when Grafana does not say. */
  authModule?: string;
  createdAt: Date;
  seenAt: Date;
}

/** One LDAP server as `GET /api/admin/ldap/status` reports it. */
export interface LdapServerStatus {
  host: string;
  port: number;
  available: boolean;
  error: string;
}

/** The org role one group mapping grants (`roles[]` entries with an org). */
export interface LdapOrgRole {
  orgId: number;
  orgName: string;
  role: string;
  /** The mapping's group DN that grants it; "*" for the catch-all mapping. */
  groupDn: string;
}

/** What LDAP maps a user to now (`GET /api/admin/ldap/:username`), whatever Grafana stores. */
export interface LdapUserMapping {
  login: string;
  name: string;
  email: string;
  /** null: LDAP does not manage the flag (no mapping sets grafana_admin, or role sync is skipped). */
  isGrafanaAdmin: boolean | null;
  /** Group mappings exist but none matched: LDAP would refuse this user's next login. */
  isDisabled: boolean;
  orgRoles: LdapOrgRole[];
  /** The user's LDAP groups that no mapping uses. */
  otherGroups: string[];
}

/** One member of an org (`GET /api/orgs/:orgId/users`). */
export interface OrgMember {
  userId: number;
  login: string;
  role: string;
}

/** The part of `GET /api/admin/stats` the page shows. */
export interface ServerStats {
  users: number;
  /** user_auth_token rows rotated within 30 days: not the number of valid sessions. */
  activeSessions?: number;
  activeUsers?: number;
}

/** The settings the page needs from `GET /api/admin/settings` (ini values are strings). */
export interface AuthSettings {
  inactiveLifetime?: string;
  maximumLifetime?: string;
}
