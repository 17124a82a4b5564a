import { LdapConfig, SeedUser } from './seedTypes';

/** Grafana's auth module names (the `user_auth.auth_module` column) and their labels (login.GetAuthProviderLabel). */
const LABELS: Record<string, string> = {
  ldap: 'LDAP',
  oauth_generic_oauth: 'Generic OAuth',
  oauth_github: 'GitHub',
  oauth_gitlab: 'GitLab',
  oauth_google: 'Google',
  oauth_azuread: 'AzureAD',
  oauth_okta: 'Okta',
  oauth_grafana_com: 'grafana.com',
  jwt: 'JWT',
  authproxy: 'Auth Proxy',
  'auth.saml': 'SAML',
  saml: 'SAML',
};

/** "" is a local (password) user: no `user_auth` row at all. */
export const LOCAL = '';
export const LDAP = 'ldap';

export function isKnownAuthModule(module: string): boolean {
  return module === LOCAL || module in LABELS;
}

/** Only OAuth and SAML logins keep an external session, which is what a token's `authModule` names. */
export function hasExternalSession(module: string): boolean {
  return module.startsWith('oauth_') || LABELS[module] === 'SAML';
}

export function authLabel(module: string): string {
  return LABELS[module] ?? 'Unknown';
}

/** Search hits and profiles say `[]` for local users; org user lists say `null`. */
export function authLabels(module: string): string[] {
  return module === LOCAL ? [] : [authLabel(module)];
}

export function knownAuthModules(): string[] {
  return ['""', ...Object.keys(LABELS)];
}

export interface SyncFlags {
  isExternallySynced: boolean;
  isGrafanaAdminExternallySynced: boolean;
}

type SyncedUser = Pick<SeedUser, 'authModule' | 'isExternallySynced' | 'isGrafanaAdminExternallySynced'>;

/**
 * login.IsExternallySynced: the user's provider is enabled and does not skip org role sync. Of the providers only
 * LDAP's config is modelled; the others count as enabled and synced. LDAP manages the server admin flag whenever it
 * syncs, the others are taken not to (no allow_assign_grafana_admin). A seed's explicit flags win.
 */
export function syncFlags(user: SyncedUser, ldap: Pick<LdapConfig, 'enabled' | 'skipOrgRoleSync'>): SyncFlags {
  const ldapSyncs = ldap.enabled && !ldap.skipOrgRoleSync;
  const derived = user.authModule === LOCAL ? false : user.authModule === LDAP ? ldapSyncs : true;
  const isExternallySynced = user.isExternallySynced ?? derived;
  return {
    isExternallySynced,
    isGrafanaAdminExternallySynced:
      user.isGrafanaAdminExternallySynced ?? (user.authModule === LDAP && isExternallySynced),
  };
}
