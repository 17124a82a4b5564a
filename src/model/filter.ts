// Which users the table shows for a search text and the "users without sessions" switch.
import { UserEntry } from '../hooks/useInventory';

export interface InventoryFilter {
  text: string;
  showUsersWithoutSessions: boolean;
  /** Only users whose Grafana roles differ from what LDAP maps now. */
  ldapDriftOnly: boolean;
}

/** How many LDAP differences a user has; undefined while unknown (not an LDAP user, or not checked yet). */
export type DriftCount = (entry: UserEntry) => number | undefined;

/** Users the admin just acted on stay listed, so the proof of the action stays in view. */
export type PinnedUsers = ReadonlySet<number>;

function haystack(entry: UserEntry): string {
  const { user, sessions = [] } = entry;
  const sessionText = sessions.map((s) => `${s.clientIp} ${s.browser} ${s.os} ${s.device}`);
  return [user.login, user.name, user.email, ...user.authLabels, ...sessionText].join(' ').toLowerCase();
}

export function hasSessions(entry: UserEntry): boolean {
  return (entry.sessions?.length ?? 0) > 0;
}

export function filterEntries(
  entries: UserEntry[],
  filter: InventoryFilter,
  pinned: PinnedUsers = new Set(),
  driftCount: DriftCount = () => undefined
): UserEntry[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const inScope = (entry: UserEntry) => {
    if (pinned.has(entry.user.id)) {
      return true;
    }
    if (filter.ldapDriftOnly) {
      return (driftCount(entry) ?? 0) > 0;
    }
    // Users still loading or failed stay visible: hiding them would hide an error or a session.
    return filter.showUsersWithoutSessions || hasSessions(entry) || !entry.sessions;
  };
  return entries.filter((entry) => inScope(entry) && words.every((word) => haystack(entry).includes(word)));
}

/** Most recently active first: newest session activity, then last seen. */
export function byRecentActivity(a: UserEntry, b: UserEntry): number {
  return activity(b) - activity(a);
}

function activity(entry: UserEntry): number {
  const newest = Math.max(0, ...(entry.sessions ?? []).map((s) => s.seenAt.getTime()));
  return newest || entry.user.lastSeenAt?.getTime() || 0;
}
