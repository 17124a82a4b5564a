import { OrgRole } from './seed';
import { GrafanaState } from './state';
import { ONE_DAY, THIRTY_DAYS } from './time';

const ROLE_RANK: Record<OrgRole, number> = { Admin: 3, Editor: 2, Viewer: 1, None: 1 };

/**
 * GET /api/admin/stats. Role counts take each user once at their highest org role (None counts as viewer);
 * session counts are rows rotated within 30 days / 24 hours, whatever the configured lifetimes.
 * Content counts (dashboards, alerts...) are zero: the sandbox has no content.
 */
export function adminStats(state: GrafanaState) {
  const now = state.clock.now();
  const counts = { admins: 0, editors: 0, viewers: 0, activeAdmins: 0, activeEditors: 0, activeViewers: 0 };
  const daily = { dailyActiveAdmins: 0, dailyActiveEditors: 0, dailyActiveViewers: 0 };
  const ranks = highestRoles(state);
  let activeUsers = 0;
  let dailyActiveUsers = 0;
  for (const user of state.users.values()) {
    const active = user.lastSeenAt > now - THIRTY_DAYS;
    const dailyActive = user.lastSeenAt > now - ONE_DAY;
    activeUsers += active ? 1 : 0;
    dailyActiveUsers += dailyActive ? 1 : 0;
    const rank = ranks.get(user.id) ?? 0;
    if (rank === 0) {
      continue;
    }
    const kind = rank === 3 ? 'Admins' : rank === 2 ? 'Editors' : 'Viewers';
    counts[kind.toLowerCase() as 'admins' | 'editors' | 'viewers'] += 1;
    counts[`active${kind}`] += active ? 1 : 0;
    daily[`dailyActive${kind}`] += dailyActive ? 1 : 0;
  }
  let activeSessions = 0;
  let dailyActiveSessions = 0;
  for (const session of state.sessions.all()) {
    activeSessions += session.seenAt > now - THIRTY_DAYS ? 1 : 0;
    dailyActiveSessions += session.seenAt > now - ONE_DAY ? 1 : 0;
  }
  return {
    orgs: state.orgs.size,
    dashboards: 0,
    snapshots: 0,
    tags: 0,
    datasources: 0,
    playlists: 0,
    stars: 0,
    alerts: 0,
    users: state.users.size,
    admins: counts.admins,
    editors: counts.editors,
    viewers: counts.viewers,
    activeUsers,
    activeAdmins: counts.activeAdmins,
    activeEditors: counts.activeEditors,
    activeViewers: counts.activeViewers,
    activeSessions,
    dailyActiveUsers,
    ...daily,
    dailyActiveSessions,
    monthlyActiveUsers: activeUsers,
    activeDevices: 0,
  };
}

/** userId → rank of the user's highest org role, read in one pass over the memberships. */
function highestRoles(state: GrafanaState): Map<number, number> {
  const ranks = new Map<number, number>();
  for (const roles of state.members.values()) {
    for (const [userId, role] of roles) {
      ranks.set(userId, Math.max(ranks.get(userId) ?? 0, ROLE_RANK[role]));
    }
  }
  return ranks;
}
