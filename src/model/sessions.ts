// Rules about sessions: what can be revoked, how a session is described to an admin.
import { Session, UserSummary } from '../api/types';

/** Providers that authenticate every request themselves, so Grafana keeps no session rows. */
const TOKENLESS_PROVIDERS: Record<string, string> = {
  jwt: 'JWT',
  'auth proxy': 'Auth Proxy',
  authproxy: 'Auth Proxy',
};

/** "JWT" or "Auth Proxy" when the user signs in without a Grafana session, else undefined. */
export function tokenlessProvider(user: Pick<UserSummary, 'authLabels'>): string | undefined {
  for (const label of user.authLabels) {
    const provider = TOKENLESS_PROVIDERS[label.toLowerCase()];
    if (provider) {
      return provider;
    }
  }
  return undefined;
}

/** Why a session cannot be revoked from this page, or undefined when it can. */
export function whyNotRevocable(session: Session): string | undefined {
  if (session.isActive) {
    return 'This is your own session in this browser. Grafana refuses to revoke it; sign out from your profile menu instead.';
  }
  return undefined;
}

/** Why "Sign out everywhere" is not offered for this user, or undefined when it is. */
export function whyNoSignOutEverywhere(
  user: Pick<UserSummary, 'id' | 'authLabels'>,
  sessionCount: number,
  viewerId: number
): string | undefined {
  if (user.id === viewerId) {
    return 'Grafana does not let you sign yourself out everywhere. Revoke your other sessions one by one.';
  }
  const provider = tokenlessProvider(user);
  if (provider) {
    return `No Grafana sessions: ${provider} authenticates every request, so access is controlled by the ${provider === 'JWT' ? 'JWT issuer' : 'proxy'}.`;
  }
  if (sessionCount === 0) {
    return 'This user has no active sessions.';
  }
  return undefined;
}

/** Grafana says "Other" (or nothing) for a browser or OS it could not tell from the user agent. */
export function isKnownName(value: string): boolean {
  return value !== '' && value.toLowerCase() !== 'other';
}

function withVersion(name: string, version: string): string {
  return version ? `${name} ${version}` : name;
}

/** A browser or OS name as a filter choice: the table's "Unknown" for Grafana's "Other", and no endless user agent. */
export function choiceLabel(value: string, kind: 'browser' | 'OS'): string {
  if (!isKnownName(value)) {
    return `Unknown ${kind}`;
  }
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

/** Filter choices, each value once, A–Z by label, with what Grafana could not name ("Unknown browser") last. */
export function choiceOptions(
  values: Iterable<string>,
  label = (value: string) => value
): Array<{ label: string; value: string }> {
  return [...new Set(values)]
    .filter(Boolean)
    .map((value) => ({ label: label(value), value }))
    .sort((a, b) => Number(!isKnownName(a.value)) - Number(!isKnownName(b.value)) || a.label.localeCompare(b.label));
}

export function browserLabel(session: Session): string {
  return isKnownName(session.browser)
    ? withVersion(session.browser, session.browserVersion)
    : choiceLabel(session.browser, 'browser');
}

export function osLabel(session: Session): string {
  return isKnownName(session.os) ? withVersion(session.os, session.osVersion) : choiceLabel(session.os, 'OS');
}

/** Grafana reports "Other" both for desktops and for devices it does not recognise: keep its word. */
export function deviceLabel(session: Session): string {
  return session.device || 'Unknown';
}

/** One line naming a session for confirmations: "Firefox 126 on Linux, 10.1.2.3". */
export function sessionTitle(session: Session): string {
  const where = session.clientIp ? `, ${session.clientIp}` : '';
  return `${browserLabel(session)} on ${osLabel(session)}${where}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "all 3 sessions", or "the only session": never "all 1 session". */
export function allSessions(count: number): string {
  return count === 1 ? 'the only session' : `all ${plural(count, 'session')}`;
}
