// Parsers for Grafana's JSON. Each accepts the variants older and newer Grafana versions send
// (missing `authModule`, `authLabels` null or [], `orgUsers` vs `OrgUsers`) and throws a
// ShapeError naming the field when a response cannot be what the endpoint promises.
import {
  AuthSettings,
  LdapServerStatus,
  LdapUserMapping,
  OrgMember,
  OrgMembership,
  ServerStats,
  Session,
  UserProfile,
  UserSearchPage,
  UserSummary,
} from './types';

export class ShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShapeError';
  }
}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ShapeError(`${what} is not an object`);
  }
  return value as Json;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new ShapeError(`${what} is not a list`);
  }
  return value;
}

function id(o: Json, key: string, what: string): number {
  const value = o[key];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ShapeError(`${what}.${key} is not a whole number`);
  }
  return value;
}

function text(o: Json, key: string): string {
  const value = o[key];
  return typeof value === 'string' ? value : value == null ? '' : String(value);
}

function flag(o: Json, key: string): boolean {
  return o[key] === true;
}

function count(o: Json, key: string, fallback: number): number {
  const value = o[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function optionalDate(o: Json, key: string): Date | undefined {
  const value = o[key];
  if (typeof value !== 'string' || !value) {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function date(o: Json, key: string, what: string): Date {
  const value = optionalDate(o, key);
  if (!value) {
    throw new ShapeError(`${what}.${key} is not a date`);
  }
  return value;
}

function labels(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

export function parseUserSummary(raw: unknown): UserSummary {
  const o = object(raw, 'user');
  return {
    id: id(o, 'id', 'user'),
    uid: typeof o.uid === 'string' && o.uid ? o.uid : undefined,
    login: text(o, 'login'),
    name: text(o, 'name'),
    email: text(o, 'email'),
    isServerAdmin: flag(o, 'isAdmin') || flag(o, 'isGrafanaAdmin'),
    isDisabled: flag(o, 'isDisabled'),
    lastSeenAt: optionalDate(o, 'lastSeenAt'),
    authLabels: labels(o.authLabels),
  };
}

export function parseUserSearchPage(raw: unknown): UserSearchPage {
  const o = object(raw, 'user search result');
  const users = list(o.users, 'user search result.users').map(parseUserSummary);
  return {
    totalCount: count(o, 'totalCount', users.length),
    page: count(o, 'page', 1),
    perPage: count(o, 'perPage', users.length),
    users,
  };
}

export function parseUserProfile(raw: unknown): UserProfile {
  const o = object(raw, 'user');
  const isExternallySynced = flag(o, 'isExternallySynced');
  return {
    ...parseUserSummary(raw),
    orgId: count(o, 'orgId', 0),
    isExternal: flag(o, 'isExternal'),
    isExternallySynced,
    // Before Grafana 10.1 there is no separate flag: the provider managed both or neither.
    isServerAdminExternallySynced:
      typeof o.isGrafanaAdminExternallySynced === 'boolean' ? o.isGrafanaAdminExternallySynced : isExternallySynced,
  };
}

export function parseOrgMemberships(raw: unknown): OrgMembership[] {
  return list(raw, 'org list').map((item) => {
    const o = object(item, 'org membership');
    return { orgId: id(o, 'orgId', 'org membership'), orgName: text(o, 'name'), role: text(o, 'role') };
  });
}

export function parseSession(raw: unknown): Session {
  const o = object(raw, 'session');
  const createdAt = date(o, 'createdAt', 'session');
  return {
    id: id(o, 'id', 'session'),
    isActive: flag(o, 'isActive'),
    clientIp: text(o, 'clientIp'),
    browser: text(o, 'browser'),
    browserVersion: text(o, 'browserVersion'),
    os: text(o, 'os'),
    osVersion: text(o, 'osVersion'),
    device: text(o, 'device'),
    authModule: typeof o.authModule === 'string' ? o.authModule : undefined,
    createdAt,
    seenAt: optionalDate(o, 'seenAt') ?? createdAt,
  };
}

export function parseSessions(raw: unknown): Session[] {
  return list(raw, 'session list').map(parseSession);
}

/** Success bodies of mutations: `{"message": "..."}`; anything else is tolerated. */
export function parseMessage(raw: unknown): string {
  return raw && typeof raw === 'object' && typeof (raw as Json).message === 'string'
    ? ((raw as Json).message as string)
    : '';
}

export function parseLdapStatus(raw: unknown): LdapServerStatus[] {
  return list(raw, 'LDAP status').map((item) => {
    const o = object(item, 'LDAP server');
    return {
      host: text(o, 'host'),
      port: count(o, 'port', 0),
      available: flag(o, 'available'),
      error: text(o, 'error'),
    };
  });
}

/** `{"cfgAttrValue": "uid", "ldapValue": "dana"}` → "dana". */
function ldapValue(o: Json, key: string): string {
  const attribute = o[key];
  return attribute && typeof attribute === 'object' ? text(attribute as Json, 'ldapValue') : '';
}

export function parseLdapUser(raw: unknown): LdapUserMapping {
  const o = object(raw, 'LDAP user');
  const roles = Array.isArray(o.roles) ? o.roles.map((r) => object(r, 'LDAP role')) : [];
  const fullName = [ldapValue(o, 'name'), ldapValue(o, 'surname')].filter(Boolean).join(' ');
  return {
    login: ldapValue(o, 'login'),
    name: fullName,
    email: ldapValue(o, 'email'),
    isGrafanaAdmin: typeof o.isGrafanaAdmin === 'boolean' ? o.isGrafanaAdmin : null,
    isDisabled: flag(o, 'isDisabled'),
    orgRoles: roles
      .filter((r) => count(r, 'orgId', 0) > 0 && text(r, 'orgRole') !== '')
      .map((r) => ({
        orgId: count(r, 'orgId', 0),
        orgName: text(r, 'orgName'),
        role: text(r, 'orgRole'),
        groupDn: text(r, 'groupDN'),
      })),
    otherGroups: roles.filter((r) => count(r, 'orgId', 0) === 0).map((r) => text(r, 'groupDN')),
  };
}

export function parseOrgMembers(raw: unknown): OrgMember[] {
  return list(raw, 'org user list').map((item) => {
    const o = object(item, 'org user');
    return { userId: id(o, 'userId', 'org user'), login: text(o, 'login'), role: text(o, 'role') };
  });
}

export function parseStats(raw: unknown): ServerStats {
  const o = object(raw, 'stats');
  const optional = (key: string) => (typeof o[key] === 'number' ? (o[key] as number) : undefined);
  return {
    users: count(o, 'users', 0),
    activeSessions: optional('activeSessions'),
    activeUsers: optional('activeUsers'),
  };
}

/** Accepts the current keys and the 6.x–7.x `*_days` ones, which hold a bare number of days. */
export function parseAuthSettings(raw: unknown): AuthSettings {
  const o = object(raw, 'settings');
  const auth = o.auth && typeof o.auth === 'object' ? (o.auth as Json) : {};
  const pick = (...keys: string[]) => keys.map((k) => text(auth, k)).find((v) => v !== '');
  return {
    inactiveLifetime: pick('login_maximum_inactive_lifetime_duration', 'login_maximum_inactive_lifetime_days'),
    maximumLifetime: pick('login_maximum_lifetime_duration', 'login_maximum_lifetime_days'),
  };
}
