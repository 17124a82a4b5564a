import { createHash } from 'crypto';

import { authLabel, authLabels, hasExternalSession, LOCAL, SyncFlags } from './authModules';
import { LdapMapping, splitName } from './ldap';
import { LdapEntry, LdapServer, OrgRole } from './seed';
import { Session } from './sessions';
import { User } from './state';
import { ageString, formatTime } from './time';

/** Grafana's JSON shapes, with their real field names and order. */

// A page of 1,000 search hits would otherwise spend most of its time hashing e-mail addresses.
const avatarUrls = new Map<string, string>();

export function avatarUrl(email: string): string {
  let url = avatarUrls.get(email);
  if (url === undefined) {
    url = `/avatar/${createHash('md5').update(email.trim().toLowerCase()).digest('hex')}`;
    avatarUrls.set(email, url);
  }
  return url;
}

export function searchHit(user: User, now: number) {
  return {
    id: user.id,
    uid: user.uid,
    name: user.name,
    login: user.login,
    email: user.email,
    avatarUrl: avatarUrl(user.email),
    isAdmin: user.isGrafanaAdmin,
    isDisabled: user.isDisabled,
    lastSeenAt: formatTime(user.lastSeenAt),
    lastSeenAtAge: ageString(user.lastSeenAt, now),
    authLabels: authLabels(user.authModule),
  };
}

export function userProfile(user: User, sync: SyncFlags) {
  return {
    id: user.id,
    uid: user.uid,
    email: user.email,
    name: user.name,
    login: user.login,
    theme: '',
    orgId: user.orgId,
    isGrafanaAdmin: user.isGrafanaAdmin,
    isDisabled: user.isDisabled,
    isExternal: user.authModule !== LOCAL,
    isExternallySynced: sync.isExternallySynced,
    isGrafanaAdminExternallySynced: sync.isGrafanaAdminExternallySynced,
    authLabels: authLabels(user.authModule),
    updatedAt: formatTime(user.updatedAt),
    createdAt: formatTime(user.createdAt),
    avatarUrl: avatarUrl(user.email),
  };
}

export function orgUser(orgId: number, user: User, role: OrgRole, now: number, sync: SyncFlags) {
  return {
    orgId,
    userId: user.id,
    email: user.email,
    name: user.name,
    avatarUrl: avatarUrl(user.email),
    login: user.login,
    role,
    lastSeenAt: formatTime(user.lastSeenAt),
    lastSeenAtAge: ageString(user.lastSeenAt, now),
    isDisabled: user.isDisabled,
    authLabels: user.authModule === LOCAL ? null : authLabels(user.authModule),
    isExternallySynced: sync.isExternallySynced,
  };
}

export function userToken(session: Session, current: Session | undefined) {
  return {
    id: session.id,
    isActive: session.id === current?.id,
    clientIp: session.clientIp,
    browser: session.browser,
    browserVersion: session.browserVersion,
    os: session.os,
    osVersion: session.osVersion,
    device: session.device,
    authModule: hasExternalSession(session.authModule) ? authLabel(session.authModule) : '',
    createdAt: formatTime(session.createdAt),
    seenAt: formatTime(session.seenAt),
  };
}

export function ldapServerStatus(server: LdapServer) {
  const dialError =
    server.error || `LDAP Result Code 200 "Network Error": dial tcp ${server.host}:${server.port}: i/o timeout`;
  return {
    host: server.host,
    port: server.port,
    available: server.available,
    error: server.available ? '' : dialError,
  };
}

/** LDAPUserDTO, with the attribute names of a usual ldap.toml (givenName, sn, mail, uid). */
export function ldapUser(
  entry: LdapEntry,
  mapping: LdapMapping,
  skipOrgRoleSync: boolean,
  orgName: (id: number) => string
) {
  const [name, surname] = splitName(entry.name);
  const roles = [
    ...mapping.matches.map((m) => ({
      orgId: m.orgId,
      orgName: orgName(m.orgId),
      orgRole: m.orgRole,
      groupDN: m.groupDN,
    })),
    ...mapping.unmatchedGroups.map((groupDN) => ({ orgId: 0, orgName: '', orgRole: '', groupDN })),
  ];
  return {
    name: { cfgAttrValue: 'givenName', ldapValue: name },
    surname: { cfgAttrValue: 'sn', ldapValue: surname },
    email: { cfgAttrValue: 'mail', ldapValue: entry.email },
    login: { cfgAttrValue: 'uid', ldapValue: entry.login },
    // With org role sync skipped, buildGrafanaUser stops before reading the mappings.
    isGrafanaAdmin: skipOrgRoleSync ? null : mapping.isGrafanaAdmin,
    isDisabled: !skipOrgRoleSync && mapping.isDenied,
    // A Go nil slice: no matched mapping and no group at all.
    roles: roles.length > 0 ? roles : null,
    teams: null,
  };
}
