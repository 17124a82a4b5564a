import { createHash } from 'crypto';

import { authLabel, authLabels, hasExternalSession, LOCAL } from './authModules';
import { OrgRole } from './seed';
import { Session } from './sessions';
import { User } from './state';
import { ageString, formatTime } from './time';

/** Grafana's JSON shapes, with their real field names and order. */

export function avatarUrl(email: string): string {
  return `/avatar/${createHash('md5').update(email.trim().toLowerCase()).digest('hex')}`;
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

export function userProfile(user: User) {
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
    isExternallySynced: user.isExternallySynced,
    isGrafanaAdminExternallySynced: user.isGrafanaAdminExternallySynced,
    authLabels: authLabels(user.authModule),
    updatedAt: formatTime(user.updatedAt),
    createdAt: formatTime(user.createdAt),
    avatarUrl: avatarUrl(user.email),
  };
}

export function orgUser(orgId: number, user: User, role: OrgRole, now: number) {
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
    isExternallySynced: user.isExternallySynced,
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
