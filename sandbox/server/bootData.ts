import { Request } from 'express';

import { Identity } from './auth';
import { avatarUrl } from './dto';
import { GrafanaState } from './state';

export const PLUGIN_ID = 'sessioncontrol-admin-app';

const SERVER_ADMIN_ACTIONS = [
  'users:read',
  'users:write',
  'users:disable',
  'users:enable',
  'users.authtoken:read',
  'users.authtoken:write',
  'users:logout',
  'users.permissions:write',
  'org.users:read',
  'org.users:write',
  'server.stats:read',
  'ldap.status:read',
  'ldap.user:read',
  'ldap.user:sync',
  'ldap.config:reload',
];
const ORG_ADMIN_ACTIONS = ['org.users:read', 'org.users:write'];

export interface PageContext {
  theme: 'light' | 'dark';
  pluginVersion: string;
}

/** What Grafana puts in window.grafanaBootData for the signed-in user. */
export function bootData(state: GrafanaState, { user }: Identity, req: Request, page: PageContext) {
  const orgRole = state.roleIn(user.orgId, user.id) ?? '';
  const actions = user.isGrafanaAdmin ? SERVER_ADMIN_ACTIONS : orgRole === 'Admin' ? ORG_ADMIN_ACTIONS : [];
  return {
    user: {
      id: user.id,
      uid: user.uid,
      login: user.login,
      email: user.email,
      name: user.name,
      gravatarUrl: avatarUrl(user.email),
      isSignedIn: true,
      isGrafanaAdmin: user.isGrafanaAdmin,
      orgId: user.orgId,
      orgName: state.orgs.get(user.orgId)?.name ?? '',
      orgRole,
      orgCount: state.membershipsOf(user.id).length,
      lightTheme: page.theme === 'light',
      theme: page.theme,
      timezone: 'browser',
      weekStart: 'browser',
      locale: 'en-US',
      language: 'en-US',
      permissions: Object.fromEntries(actions.map((action) => [action, true])),
      helpFlags1: 0,
      hasEditPermissionInFolders: false,
      analytics: { identifier: user.login },
    },
    settings: {
      appSubUrl: '',
      appUrl: `${req.protocol}://${req.get('host')}/`,
      buildInfo: {
        version: state.seed.grafanaVersion,
        commit: 'sandbox',
        edition: 'Open Source',
        env: 'production',
        buildstamp: 0,
      },
      ldapEnabled: state.ldap.enabled,
      featureToggles: {},
      rbacEnabled: true,
      namespace: 'default',
      datasources: {},
      panels: {},
      auth: {},
      apps: {
        [PLUGIN_ID]: {
          id: PLUGIN_ID,
          path: `public/plugins/${PLUGIN_ID}/module.js`,
          version: page.pluginVersion,
          preload: false,
        },
      },
      dateFormats: {
        fullDate: 'YYYY-MM-DD HH:mm:ss',
        interval: {
          second: 'HH:mm:ss',
          minute: 'HH:mm',
          hour: 'MM/DD HH:mm',
          day: 'MM/DD',
          month: 'YYYY-MM',
          year: 'YYYY',
        },
        useBrowserLocale: false,
        defaultTimezone: 'browser',
        defaultWeekStart: 'browser',
      },
    },
    navTree: [],
  };
}

/** JSON safe to paste into a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
