// The only module that knows Grafana's URLs. Every call goes through Grafana's own backend with
// the signed-in admin's session, so Grafana checks each one against the admin's permissions.
import { getBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import { GrafanaApiError, toApiError } from './errors';
import {
  parseAuthSettings,
  parseLdapStatus,
  parseLdapUser,
  parseMessage,
  parseOrgMembers,
  parseOrgMemberships,
  parseSessions,
  parseStats,
  parseUserProfile,
  parseUserSearchPage,
  ShapeError,
} from './parse';
import {
  AuthSettings,
  LdapServerStatus,
  LdapUserMapping,
  OrgMember,
  OrgMembership,
  OrgRole,
  ServerStats,
  Session,
  UserProfile,
  UserSearchPage,
} from './types';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

interface Call<T> {
  method: Method;
  url: string;
  parse: (raw: unknown) => T;
  data?: unknown;
  params?: Record<string, string | number | boolean>;
  signal?: AbortSignal;
}

async function call<T>({ method, url, parse, data, params, signal }: Call<T>): Promise<T> {
  let raw: unknown;
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<unknown>({
        method,
        url,
        data,
        params,
        showErrorAlert: false,
        showSuccessAlert: false,
        abortSignal: signal,
      })
    );
    raw = response.data;
  } catch (error) {
    throw toApiError(error, method, url);
  }
  try {
    return parse(raw);
  } catch (error) {
    if (error instanceof ShapeError) {
      throw new GrafanaApiError({
        status: 200,
        message: `Grafana's answer was not understood: ${error.message}`,
        method,
        url,
      });
    }
    throw error;
  }
}

/** Ids go into paths: refuse anything but a positive whole number. */
function pathId(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`Invalid ${what}: ${value}`);
  }
  return value;
}

export type UserSort = 'lastSeenAtAge-asc' | 'lastSeenAtAge-desc' | 'login-asc' | 'login-desc' | 'name-asc';

export interface UserSearchQuery {
  page: number;
  perPage: number;
  query?: string;
  sort?: UserSort;
  signal?: AbortSignal;
}

export function searchUsers({ page, perPage, query, sort, signal }: UserSearchQuery): Promise<UserSearchPage> {
  const params: Record<string, string | number> = { perpage: perPage, page };
  if (query) {
    params.query = query;
  }
  if (sort) {
    params.sort = sort;
  }
  return call({ method: 'GET', url: '/api/users/search', params, parse: parseUserSearchPage, signal });
}

export function getUser(userId: number, signal?: AbortSignal): Promise<UserProfile> {
  return call({ method: 'GET', url: `/api/users/${pathId(userId, 'user id')}`, parse: parseUserProfile, signal });
}

export function getUserOrgs(userId: number, signal?: AbortSignal): Promise<OrgMembership[]> {
  return call({
    method: 'GET',
    url: `/api/users/${pathId(userId, 'user id')}/orgs`,
    parse: parseOrgMemberships,
    signal,
  });
}

export function getUserSessions(userId: number, signal?: AbortSignal): Promise<Session[]> {
  return call({
    method: 'GET',
    url: `/api/admin/users/${pathId(userId, 'user id')}/auth-tokens`,
    parse: parseSessions,
    signal,
  });
}

export function revokeSession(userId: number, sessionId: number): Promise<string> {
  return call({
    method: 'POST',
    url: `/api/admin/users/${pathId(userId, 'user id')}/revoke-auth-token`,
    data: { authTokenId: pathId(sessionId, 'session id') },
    parse: parseMessage,
  });
}

/** Ends every session of the user ("log out everywhere"). Grafana refuses it for the caller. */
export function signOutEverywhere(userId: number): Promise<string> {
  return call({ method: 'POST', url: `/api/admin/users/${pathId(userId, 'user id')}/logout`, parse: parseMessage });
}

export function setOrgRole(orgId: number, userId: number, role: OrgRole): Promise<string> {
  return call({
    method: 'PATCH',
    url: `/api/orgs/${pathId(orgId, 'org id')}/users/${pathId(userId, 'user id')}`,
    data: { role },
    parse: parseMessage,
  });
}

export function setServerAdmin(userId: number, isGrafanaAdmin: boolean): Promise<string> {
  return call({
    method: 'PUT',
    url: `/api/admin/users/${pathId(userId, 'user id')}/permissions`,
    data: { isGrafanaAdmin },
    parse: parseMessage,
  });
}

/** Members of one org with their roles; used to warn before an org would lose its last Admin. */
export function getOrgMembers(orgId: number, signal?: AbortSignal): Promise<OrgMember[]> {
  return call({ method: 'GET', url: `/api/orgs/${pathId(orgId, 'org id')}/users`, parse: parseOrgMembers, signal });
}

/** LDAP servers and whether Grafana reaches them. Grafana answers 400 when LDAP is off. */
export function getLdapStatus(signal?: AbortSignal): Promise<LdapServerStatus[]> {
  return call({ method: 'GET', url: '/api/admin/ldap/status', parse: parseLdapStatus, signal });
}

/** What LDAP maps the user to now, by Grafana login (the LDAP user name). */
export function getLdapMapping(login: string, signal?: AbortSignal): Promise<LdapUserMapping> {
  if (!login || login.includes('/')) {
    throw new Error(`Invalid login: ${login}`);
  }
  return call({
    method: 'GET',
    url: `/api/admin/ldap/${encodeURIComponent(login)}`,
    parse: parseLdapUser,
    signal,
  });
}

/** Applies LDAP to the user now, as their next login would (roles, admin flag; disables a user LDAP no longer has). */
export function syncLdapUser(userId: number): Promise<string> {
  return call({ method: 'POST', url: `/api/admin/ldap/sync/${pathId(userId, 'user id')}`, parse: parseMessage });
}

/** Session lifetimes from the server's ini (needs settings:read, which only server admins hold in OSS). */
export function getAuthSettings(signal?: AbortSignal): Promise<AuthSettings> {
  return call({ method: 'GET', url: '/api/admin/settings', parse: parseAuthSettings, signal });
}

export function getServerStats(signal?: AbortSignal): Promise<ServerStats> {
  return call({ method: 'GET', url: '/api/admin/stats', parse: parseStats, signal });
}
