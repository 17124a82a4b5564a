// Which users the table shows for a search text and the "users without sessions" switch.
import { UserEntry } from '../hooks/useInventory';

export interface InventoryFilter {
  text: string;
  showUsersWithoutSessions: boolean;
}

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
  pinned: PinnedUsers = new Set()
): UserEntry[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    // Users still loading or failed stay visible: hiding them would hide an error or a session.
    const visible =
      filter.showUsersWithoutSessions || hasSessions(entry) || !entry.sessions || pinned.has(entry.user.id);
    if (!visible) {
      return false;
    }
    const text = haystack(entry);
    return words.every((word) => text.includes(word));
  });
}

/** Most recently active first: newest session activity, then last seen. */
export function byRecentActivity(a: UserEntry, b: UserEntry): number {
  return activity(b) - activity(a);
}

function activity(entry: UserEntry): number {
  const newest = Math.max(0, ...(entry.sessions ?? []).map((s) => s.seenAt.getTime()));
  return newest || entry.user.lastSeenAt?.getTime() || 0;
}
