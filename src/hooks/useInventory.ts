// Loads every user with their org memberships and sessions, and re-reads one user on demand.
import { useCallback, useEffect, useState } from 'react';

import { getUser, getUserOrgs, getUserSessions, searchUsers } from '../api/client';
import { GrafanaApiError, toApiError } from '../api/errors';
import { OrgMembership, Session, UserSummary } from '../api/types';
import { forEachLimited } from './pool';

const PAGE_SIZE = 100;
const CONCURRENCY = 6;

export interface UserEntry {
  user: UserSummary;
  orgs?: OrgMembership[];
  sessions?: Session[];
  /** Why this user's sessions or orgs could not be read. */
  error?: GrafanaApiError;
}

export interface Inventory {
  entries: UserEntry[];
  totalUsers: number;
  loadedUsers: number;
  loading: boolean;
  /** Set when the list itself could not be read (for example 403): nothing below is trustworthy. */
  fatal?: GrafanaApiError;
  reload: () => void;
  refreshUser: (userId: number) => Promise<UserEntry>;
}

async function readUser(user: UserSummary, signal?: AbortSignal): Promise<UserEntry> {
  try {
    const [orgs, sessions] = await Promise.all([getUserOrgs(user.id, signal), getUserSessions(user.id, signal)]);
    return { user, orgs, sessions };
  } catch (error) {
    return { user, error: toApiError(error, 'GET', `/api/users/${user.id}`) };
  }
}

export function useInventory(): Inventory {
  const [entries, setEntries] = useState<UserEntry[]>([]);
  const [totalUsers, setTotalUsers] = useState(0);
  const [loading, setLoading] = useState(true);
  const [fatal, setFatal] = useState<GrafanaApiError>();
  const [generation, setGeneration] = useState(0);

  const put = useCallback((entry: UserEntry) => {
    setEntries((current) => current.map((e) => (e.user.id === entry.user.id ? entry : e)));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;

    const load = async () => {
      const users: UserSummary[] = [];
      for (let page = 1; ; page++) {
        const result = await searchUsers({ page, perPage: PAGE_SIZE, sort: 'lastSeenAtAge-desc', signal });
        users.push(...result.users);
        setTotalUsers(result.totalCount);
        if (result.users.length < PAGE_SIZE || users.length >= result.totalCount || signal.aborted) {
          break;
        }
      }
      if (signal.aborted) {
        return;
      }
      setEntries(users.map((user) => ({ user })));
      await forEachLimited(users, CONCURRENCY, async (user) => put(await readUser(user, signal)), signal);
    };

    load()
      .catch((error) => !signal.aborted && setFatal(toApiError(error, 'GET', '/api/users/search')))
      .finally(() => !signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [generation, put]);

  const refreshUser = useCallback(
    async (userId: number): Promise<UserEntry> => {
      const [profile, orgs, sessions] = await Promise.all([
        getUser(userId),
        getUserOrgs(userId),
        getUserSessions(userId),
      ]);
      const entry: UserEntry = { user: profile, orgs, sessions };
      put(entry);
      return entry;
    },
    [put]
  );

  const reload = useCallback(() => {
    setEntries([]);
    setFatal(undefined);
    setLoading(true);
    setGeneration((g) => g + 1);
  }, []);
  const loadedUsers = entries.filter((e) => e.sessions || e.error).length;
  return { entries, totalUsers, loadedUsers, loading, fatal, reload, refreshUser };
}
