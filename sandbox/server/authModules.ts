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
