import { GrafanaState } from './state';

export type IniSettings = Record<string, Record<string, string>>;

/** setting.RedactedPassword */
export const REDACTED = '*********';

// setting.RedactedValue: keys matching these (upper-cased) have a non-empty value replaced.
const SECRET_KEYS = [
  /PASSWORD/,
  /SECRET/,
  /PROVIDER_CONFIG/,
  /PRIVATE_KEY/,
  /CERTIFICATE/,
  /ACCOUNT_KEY/,
  /ENCRYPTION_KEY/,
  /VAULT_TOKEN/,
  /API_DB_PASS/,
  /AUTH_TOKEN$/,
  /API_TOKEN$/,
];

/**
 * GET /api/admin/settings: the loaded grafana.ini as section → key → string, secrets redacted, keys in the order
 * Go's JSON encoder writes a map (sorted). A few sections of a default install, with the `[auth]` lifetimes and
 * `[auth.ldap]` taken from the seed and the LDAP config in force.
 */
export function iniSettings(state: GrafanaState): IniSettings {
  const { settings } = state.seed;
  const ldap = state.ldap;
  const ini: IniSettings = {
    DEFAULT: { app_mode: 'production', instance_name: 'sandbox' },
    paths: {
      data: '/var/lib/grafana',
      logs: '/var/log/grafana',
      plugins: '/var/lib/grafana/plugins',
      provisioning: '/etc/grafana/provisioning',
    },
    server: {
      protocol: 'http',
      http_addr: '',
      http_port: '3000',
      domain: 'localhost',
      root_url: 'http://localhost:3000/',
    },
    database: {
      type: 'sqlite3',
      host: '127.0.0.1:3306',
      name: 'grafana',
      user: 'root',
      password: '',
      path: 'grafana.db',
    },
    security: {
      admin_user: ldap.adminUser,
      admin_password: 'admin',
      secret_key: 'SW2YcwTIb9zpOOhoPsMm',
      disable_initial_admin_creation: 'false',
      cookie_secure: 'false',
      cookie_samesite: 'lax',
    },
    users: { allow_sign_up: 'false', auto_assign_org: 'true', auto_assign_org_role: 'Viewer' },
    auth: {
      login_cookie_name: 'grafana_session',
      login_maximum_inactive_lifetime_duration: settings.loginMaximumInactiveLifetime,
      login_maximum_lifetime_duration: settings.loginMaximumLifetime,
      token_rotation_interval_minutes: '10',
      disable_login_form: 'false',
      disable_signout_menu: 'false',
      oauth_allow_insecure_email_lookup: 'false',
    },
    'auth.anonymous': { enabled: 'false', org_name: 'Main Org.', org_role: 'Viewer' },
    'auth.basic': { enabled: 'true' },
    'auth.ldap': {
      enabled: String(ldap.enabled),
      config_file: '/etc/grafana/ldap.toml',
      allow_sign_up: 'true',
      skip_org_role_sync: String(ldap.skipOrgRoleSync),
    },
  };
  return Object.fromEntries(
    Object.keys(ini)
      .sort()
      .map((section) => [section, redactSection(ini[section])])
  );
}

function redactSection(keys: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(keys)
      .sort()
      .map((key) => [key, redactedValue(key, keys[key])])
  );
}

function redactedValue(key: string, value: string): string {
  const upper = key.toUpperCase();
  return value !== '' && SECRET_KEYS.some((pattern) => pattern.test(upper)) ? REDACTED : value;
}
