// Which users and sessions the table shows: free text, user filters (auth source, org, role,
// server admin) and session filters (IP prefix, browser, OS, sign-in and last-seen times).
import { Session } from '../api/types';
import { UserEntry } from '../hooks/useInventory';
import { ipSortKey, parseIpFilter } from './ipFilter';
import { parseGrafanaDuration } from './lifetime';
import { browserLabel, isKnownName, osLabel } from './sessions';

export const SORT_KEYS_IN_ORDER = [
  'recent',
  'signedIn',
  'sessions',
  'login',
  'name',
  'authSource',
  'orgRole',
  'serverAdmin',
  'ip',
  'browser',
  'os',
] as const;
export type SortKey = (typeof SORT_KEYS_IN_ORDER)[number];

export interface InventoryFilter {
  text: string;
  showUsersWithoutSessions: boolean;
  /** Only users whose Grafana roles differ from what LDAP maps now. */
  ldapDriftOnly: boolean;
  authSource?: string;
  orgId?: number;
  orgRole?: string;
  serverAdmin?: 'yes' | 'no';
  /** An IP address, its beginning ("10.20."), or a CIDR range ("10.20.0.0/16"): see parseIpFilter. */
  ip?: string;
  browser?: string;
  os?: string;
  /** yyyy-mm-dd, the admin's local day */
  signedInAfter?: string;
  signedInBefore?: string;
  /** A Grafana duration: "15m", "1h", "24h", "7d" */
  lastSeenWithin?: string;
  sort: SortKey;
}

export const EMPTY_FILTER: InventoryFilter = {
  text: '',
  showUsersWithoutSessions: false,
  ldapDriftOnly: false,
  sort: 'recent',
};

/** Users the admin just acted on stay listed, so the proof of the action stays in view. */
export type PinnedUsers = ReadonlySet<number>;

/** How many LDAP differences a user has; undefined while unknown (not an LDAP user, or not checked yet). */
export type DriftCount = (entry: UserEntry) => number | undefined;

/** A user as shown: the entry, and those of its sessions the filters keep. */
export interface VisibleUser {
  entry: UserEntry;
  sessions: Session[];
  /**
   * Shown, with every session, only because the admin just acted on the user: not part of what the filters show.
   * 'no-sessions': only because the user has no sessions left; 'filters': the filters do not match the user.
   */
  outsideFilters?: 'no-sessions' | 'filters';
}

/** The rows the filters themselves show: what "Revoke shown sessions" ends and the CSV export holds. */
export function rowsTheFiltersShow(rows: VisibleUser[]): VisibleUser[] {
  return rows.filter((row) => !row.outsideFilters);
}

export function authSourceOf(entry: UserEntry): string {
  return entry.user.authLabels.length ? entry.user.authLabels.join(', ') : 'Local';
}

export function hasSessionFilter(filter: InventoryFilter): boolean {
  return Boolean(
    filter.ip || filter.browser || filter.os || filter.signedInAfter || filter.signedInBefore || filter.lastSeenWithin
  );
}

function startOfDay(day: string): number {
  return new Date(`${day}T00:00:00`).getTime();
}

function sessionMatcher(filter: InventoryFilter, now: Date): (s: Session) => boolean {
  const ip = filter.ip?.trim() ? parseIpFilter(filter.ip) : undefined;
  const ipOk = !ip ? () => true : 'invalid' in ip ? () => false : ip.matches;
  const after = filter.signedInAfter ? startOfDay(filter.signedInAfter) : undefined;
  const before = filter.signedInBefore ? startOfDay(filter.signedInBefore) + 86_400_000 : undefined;
  const within = filter.lastSeenWithin ? parseGrafanaDuration(filter.lastSeenWithin) : undefined;
  return (s) =>
    ipOk(s.clientIp) &&
    (!filter.browser || s.browser === filter.browser) &&
    (!filter.os || s.os === filter.os) &&
    (after === undefined || s.createdAt.getTime() >= after) &&
    (before === undefined || s.createdAt.getTime() < before) &&
    (within === undefined || s.seenAt.getTime() >= now.getTime() - within);
}

function userMatcher(filter: InventoryFilter): (e: UserEntry) => boolean {
  return (e) =>
    (!filter.authSource || authSourceOf(e) === filter.authSource) &&
    (!filter.serverAdmin || e.user.isServerAdmin === (filter.serverAdmin === 'yes')) &&
    (filter.orgId === undefined ||
      Boolean(e.orgs?.some((o) => o.orgId === filter.orgId && (!filter.orgRole || o.role === filter.orgRole)))) &&
    (!filter.orgRole || filter.orgId !== undefined || Boolean(e.orgs?.some((o) => o.role === filter.orgRole)));
}

const userText = new WeakMap<UserEntry['user'], string>();
function textOfUser(entry: UserEntry): string {
  let text = userText.get(entry.user);
  if (text === undefined) {
    const { user } = entry;
    text = [user.login, user.name, user.email, ...user.authLabels].join(' ').toLowerCase();
    userText.set(entry.user, text);
  }
  return text;
}

const sessionText = new WeakMap<Session, string>();
function textOfSession(s: Session): string {
  let text = sessionText.get(s);
  if (text === undefined) {
    text = `${s.clientIp} ${s.browser} ${s.browserVersion} ${s.os} ${s.device}`.toLowerCase();
    sessionText.set(s, text);
  }
  return text;
}

interface Matchers {
  filter: InventoryFilter;
  words: string[];
  sessionOk: (s: Session) => boolean;
  userOk: (e: UserEntry) => boolean;
  bySession: boolean;
  driftCount: DriftCount;
}

/** The sessions of `entry` that the filters keep, or undefined when the filters hide the user. */
/** One empty list for every user whose sessions are still loading, so their rows keep the same props. */
const NO_SESSIONS: Session[] = [];

function shownSessions(entry: UserEntry, m: Matchers): Session[] | undefined {
  const { filter } = m;
  if (!m.userOk(entry) || (filter.ldapDriftOnly && !(m.driftCount(entry) ?? 0))) {
    return undefined;
  }
  const all = entry.sessions ?? NO_SESSIONS;
  // A word matches the user or, failing that, narrows the user's sessions.
  const userWords = textOfUser(entry);
  const sessionWords = m.words.filter((w) => !userWords.includes(w));
  const sessions = all.filter((s) => m.sessionOk(s) && sessionWords.every((w) => textOfSession(s).includes(w)));
  if ((m.bySession || sessionWords.length > 0) && sessions.length === 0) {
    return undefined;
  }
  // Users still loading or failed stay visible: hiding them would hide an error or a session.
  const scoped = filter.ldapDriftOnly || filter.showUsersWithoutSessions || all.length > 0 || !entry.sessions;
  if (!scoped) {
    return undefined;
  }
  // The user's own list when the filters keep all of it: the row on screen then needs no new render.
  return sessions.length === all.length ? all : sessions;
}

export function filterEntries(
  entries: UserEntry[],
  filter: InventoryFilter,
  pinned: PinnedUsers = new Set(),
  driftCount: DriftCount = () => undefined,
  now = new Date()
): VisibleUser[] {
  const matchers: Matchers = {
    filter,
    words: filter.text.toLowerCase().split(/\s+/).filter(Boolean),
    sessionOk: sessionMatcher(filter, now),
    userOk: userMatcher(filter),
    bySession: hasSessionFilter(filter),
    driftCount,
  };
  const visible: VisibleUser[] = [];
  for (const entry of entries) {
    const sessions = shownSessions(entry, matchers);
    if (sessions) {
      visible.push({ entry, sessions });
    } else if (pinned.has(entry.user.id)) {
      const withEmpty = { ...matchers, filter: { ...filter, showUsersWithoutSessions: true } };
      const why = shownSessions(entry, withEmpty) ? 'no-sessions' : 'filters';
      visible.push({ entry, sessions: entry.sessions ?? NO_SESSIONS, outsideFilters: why });
    }
  }
  // Sort keys are computed once per user, not once per comparison.
  const key = SORT_KEYS[filter.sort];
  const keyed = visible.map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map((k) => k.row);
}

function newest(sessions: Session[], key: 'seenAt' | 'createdAt'): number {
  return sessions.reduce((max, s) => Math.max(max, s[key].getTime()), 0);
}

const ROLE_RANK: Record<string, number> = { Admin: 3, Editor: 2, Viewer: 1 };

/** The smallest of the shown sessions' values, so a user sorts by their first session in that order. */
function firstOf(sessions: Session[], value: (s: Session) => string | null): string | null {
  const values = sessions.map(value).filter((v): v is string => v !== null);
  return values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0] ?? null;
}

type SortValue = number | string | null;

/** Numbers descending, text ascending, null (no value) last. */
function compareKeys(a: SortValue, b: SortValue): number {
  if (a === null || b === null) {
    return a === b ? 0 : a === null ? 1 : -1;
  }
  return typeof a === 'string' ? a.localeCompare(b as string) : (b as number) - a;
}

/** Numbers sort descending (newest, most or highest first), text ascending; users without the value come last. */
const SORT_KEYS: Record<SortKey, (row: VisibleUser) => SortValue> = {
  recent: (row) => newest(row.sessions, 'seenAt') || row.entry.user.lastSeenAt?.getTime() || 0,
  signedIn: (row) => newest(row.sessions, 'createdAt'),
  sessions: (row) => row.sessions.length,
  login: (row) => row.entry.user.login,
  name: (row) => row.entry.user.name || row.entry.user.login,
  authSource: (row) => authSourceOf(row.entry),
  // Highest role in any org; memberships not read yet sort last.
  orgRole: (row) => (row.entry.orgs ? Math.max(0, ...row.entry.orgs.map((o) => ROLE_RANK[o.role] ?? 0)) : null),
  serverAdmin: (row) => (row.entry.user.isServerAdmin ? 1 : 0),
  ip: (row) => firstOf(row.sessions, (s) => ipSortKey(s.clientIp)),
  // By the name the table shows; unknown browsers and systems last.
  browser: (row) => firstOf(row.sessions, (s) => (isKnownName(s.browser) ? browserLabel(s).toLowerCase() : null)),
  os: (row) => firstOf(row.sessions, (s) => (isKnownName(s.os) ? osLabel(s).toLowerCase() : null)),
};
