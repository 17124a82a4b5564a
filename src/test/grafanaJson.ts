// Grafana's JSON as the HTTP API sends it (field names from grafana-api.md), for fixtures.
import { config, locationService } from '@grafana/runtime';

const recent = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

export function tokenJson(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    isActive: false,
    clientIp: `10.0.0.${id % 250}`,
    browser: 'Firefox',
    browserVersion: '126.0',
    os: 'Linux',
    osVersion: '',
    device: 'Other',
    authModule: '',
    createdAt: recent(120),
    seenAt: recent(3),
    ...overrides,
  };
}

export function searchHitJson(id: number, login: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    uid: `uid-${login}`,
    name: login[0].toUpperCase() + login.slice(1),
    login,
    email: `${login}@example.com`,
    avatarUrl: '',
    isAdmin: false,
    isDisabled: false,
    lastSeenAt: recent(3),
    lastSeenAtAge: '3 minutes',
    authLabels: [],
    ...overrides,
  };
}

export function profileJson(id: number, login: string, overrides: Record<string, unknown> = {}) {
  const { isAdmin, lastSeenAtAge, avatarUrl, ...hit } = searchHitJson(id, login);
  return {
    ...hit,
    orgId: 1,
    isGrafanaAdmin: isAdmin,
    isExternal: false,
    isExternallySynced: false,
    isGrafanaAdminExternallySynced: false,
    ...overrides,
  };
}

/** Signs the page's viewer in, the way Grafana's boot data would, on a page URL without filters. */
export function signInAs(user: { id: number; login: string; isGrafanaAdmin: boolean; orgRole?: string }) {
  locationService.replace('/a/sessioncontrol-admin-app/sessions');
  Object.assign(config.bootData.user, { orgRole: 'Admin', ...user });
}
