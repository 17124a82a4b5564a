// Imported first by main.tsx: @grafana/runtime builds `config` from window.grafanaBootData once, when its module
// is evaluated, so the boot data must be complete before any @grafana package loads.
import type { BootData, BuildInfo, CurrentUserDTO, GrafanaConfig } from '@grafana/data';

/** Where the shell's own files (icons, SystemJS) are served; @grafana/ui loads icons relative to it. */
export const SHELL_PUBLIC_PATH = '/public/sandbox/';

const defaultUser: CurrentUserDTO = {
  isSignedIn: false,
  id: 0,
  uid: '',
  externalUserId: '',
  login: '',
  email: '',
  name: '',
  theme: 'dark',
  lightTheme: false,
  orgCount: 1,
  orgId: 1,
  orgName: 'Main Org.',
  orgRole: '',
  isGrafanaAdmin: false,
  gravatarUrl: '',
  timezone: 'browser',
  weekStart: 'browser',
  locale: 'en-US',
  language: 'en-US',
  permissions: {},
  analytics: { identifier: '' },
  authenticatedBy: '',
};

const defaultBuildInfo = {
  version: '11.6.7',
  versionString: 'Grafana v11.6.7 (sandbox)',
  commit: 'sandbox',
  env: 'production',
  edition: 'Open Source',
  latestVersion: '',
  hasUpdate: false,
  hideVersion: false,
} as BuildInfo;

const defaultSettings: Partial<GrafanaConfig> & { appUrl: string; apps: Record<string, unknown> } = {
  appUrl: `${window.location.origin}/`,
  appSubUrl: '',
  windowTitlePrefix: 'Grafana - ',
  datasources: {},
  panels: {},
  apps: {},
  auth: {},
  featureToggles: {},
  licenseInfo: { expiry: 0, licenseUrl: '', stateInfo: '', edition: defaultBuildInfo.edition, enabledFeatures: {} },
  ldapEnabled: false,
  rbacEnabled: true,
  namespace: 'default',
  buildInfo: defaultBuildInfo,
};

/** `?theme=light|dark` overrides the user's preference for one page load, as it does in Grafana. */
function themeFromUrl(): 'light' | 'dark' | undefined {
  const theme = new URLSearchParams(window.location.search).get('theme');
  return theme === 'light' || theme === 'dark' ? theme : undefined;
}

function completeBootData(given: Partial<BootData> | undefined): BootData {
  const givenUser: Partial<CurrentUserDTO> = given?.user ?? {};
  const user = { ...defaultUser, ...givenUser, permissions: { ...givenUser.permissions } };
  user.theme = themeFromUrl() ?? givenUser.theme ?? (givenUser.lightTheme ? 'light' : 'dark');
  user.lightTheme = user.theme === 'light';

  const givenSettings: Partial<GrafanaConfig> = given?.settings ?? {};
  const settings = {
    ...defaultSettings,
    ...givenSettings,
    buildInfo: { ...defaultBuildInfo, ...givenSettings.buildInfo },
    featureToggles: { ...givenSettings.featureToggles },
  } as GrafanaConfig;

  return { ...given, user, settings, navTree: given?.navTree ?? [], assets: given?.assets ?? { dark: '', light: '' } };
}

window.grafanaBootData = completeBootData(window.grafanaBootData);
window.__grafana_public_path__ = SHELL_PUBLIC_PATH;
window.__sandbox = { ready: false };
