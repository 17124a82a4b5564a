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
  isExternallySynced: boolean;
  isGrafanaAdminExternallySynced: boolean;
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
  inactiveLifetimeMs: number;
  maxLifetimeMs: number;
  orgs: Array<{ id: number; name: string }>;
  users: SeedUser[];
}
