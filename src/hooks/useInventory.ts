// The inventory as React state: every user that can hold a session, with their sessions, loaded
// progressively by the loader and flushed to the screen in batches so thousands of answers do
// not mean thousands of renders.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';

import { getServerStats, getUser, getUserOrgs, getUserSessions } from '../api/client';
import { GrafanaApiError, toApiError } from '../api/errors';
import { OrgMembership, ServerStats, Session, UserSummary } from '../api/types';
import { SessionLifetime } from '../model/lifetime';
import { flushDelay } from '../state/flushCadence';
import { fetchUserSessions, loadInventory, PagingProgress } from '../state/inventoryLoader';
import { forEachLimited } from './pool';

export interface UserEntry {
  user: UserSummary;
  orgs?: OrgMembership[];
  sessions?: Session[];
  /** Why this user's sessions could not be read; the rest of the inventory goes on. */
  error?: GrafanaApiError;
}

export interface LoadSettings {
  concurrency: number;
  scanEveryUser: boolean;
}

export type LoadState = 'loading' | 'done' | 'cancelled' | 'failed';

export interface Inventory {
  entries: UserEntry[];
  state: LoadState;
  paging: PagingProgress;
  scannedUsers: number;
  /** When the scan finished: the time the list was read from Grafana. */
  completedAt?: Date;
  lifetime?: SessionLifetime;
  stats?: ServerStats;
  /** Set when the list itself could not be read (for example 403): nothing below is trustworthy. */
  fatal?: GrafanaApiError;
  settings: LoadSettings;
  reload: (settings?: LoadSettings) => void;
  cancel: () => void;
  retryUser: (userId: number) => void;
  /** Reads the org memberships of these users unless read or asked already; resolves with every one known then. */
  ensureOrgs: (userIds: number[]) => Promise<ReadonlyMap<number, OrgMembership[]>>;
  refreshUser: (userId: number) => Promise<UserEntry>;
}

const ORG_CONCURRENCY = 6;
export const DEFAULT_LOAD_SETTINGS: LoadSettings = { concurrency: 6, scanEveryUser: false };

function mark(name: string) {
  performance.mark?.(`sessioncontrol:${name}`);
}

export function useInventory(initial: LoadSettings = DEFAULT_LOAD_SETTINGS): Inventory {
  const byId = useRef(new Map<number, UserEntry>());
  const order = useRef<number[]>([]);
  /** Org membership reads asked for, by user: each resolves once its answer (or failure) is in. */
  const orgsRequested = useRef(new Map<number, Promise<void>>());
  const controller = useRef<AbortController>();
  const flushTimer = useRef<ReturnType<typeof setTimeout>>();
  /** While a scan runs, when it started; afterwards (a retry, org roles) answers show at once. */
  const scanStarted = useRef<number>();
  const [entries, setEntries] = useState<UserEntry[]>([]);
  const [state, setState] = useState<LoadState>('loading');
  const [paging, setPaging] = useState<PagingProgress>({ totalUsers: 0, usersPaged: 0, pagingDone: false });
  const [lifetime, setLifetime] = useState<SessionLifetime>();
  const [stats, setStats] = useState<ServerStats>();
  const [fatal, setFatal] = useState<GrafanaApiError>();
  const [completedAt, setCompletedAt] = useState<Date>();
  const [settings, setSettings] = useState(initial);
  const [generation, setGeneration] = useState(0);

  /** `urgent`: shown in the same render as what the caller sets next (an action's outcome beside its row). */
  const flush = useCallback((urgent = false) => {
    clearTimeout(flushTimer.current);
    flushTimer.current = undefined;
    const next = order.current.map((id) => byId.current.get(id)!);
    if (urgent || scanStarted.current === undefined) {
      setEntries(next);
    } else {
      // While the scan runs, React renders the new rows in slices and lets the answers that arrive meanwhile through:
      // each answer starts the next request, so a render that held the page would hold the scan.
      startTransition(() => setEntries(next));
    }
  }, []);
  const scheduleFlush = useCallback(() => {
    const elapsed = scanStarted.current === undefined ? 0 : performance.now() - scanStarted.current;
    flushTimer.current ??= setTimeout(() => flush(), flushDelay(elapsed));
  }, [flush]);
  const update = useCallback(
    (userId: number, change: Partial<UserEntry>) => {
      const entry = byId.current.get(userId);
      if (entry) {
        byId.current.set(userId, { ...entry, ...change });
        scheduleFlush();
      }
    },
    [scheduleFlush]
  );

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    byId.current = new Map();
    order.current = [];
    orgsRequested.current = new Map();
    scanStarted.current = performance.now();
    mark('inventory-start');
    getServerStats(abort.signal).then(setStats, () => undefined);
    loadInventory(
      { ...settings, signal: abort.signal },
      {
        onLifetime: setLifetime,
        onCandidates: (users, progress) => {
          for (const user of users) {
            byId.current.set(user.id, { user });
            order.current.push(user.id);
          }
          setPaging(progress);
          scheduleFlush();
        },
        onSessions: (userId, sessions) => update(userId, { sessions, error: undefined }),
        onUserError: (userId, error) => update(userId, { error }),
      }
    )
      .then(() => {
        if (!abort.signal.aborted) {
          scanStarted.current = undefined;
          flush();
          mark('inventory-complete');
          setCompletedAt(new Date());
          setState('done');
        }
      })
      .catch((error) => {
        if (!abort.signal.aborted) {
          scanStarted.current = undefined;
          flush();
          setFatal(toApiError(error, 'GET', '/api/users/search'));
          setState('failed');
        }
      });
    return () => abort.abort();
  }, [generation, settings, flush, scheduleFlush, update]);

  useEffect(() => () => clearTimeout(flushTimer.current), []);

  const reload = useCallback((next?: LoadSettings) => {
    setEntries([]);
    setFatal(undefined);
    setState('loading');
    setPaging({ totalUsers: 0, usersPaged: 0, pagingDone: false });
    if (next) {
      setSettings(next);
    }
    setGeneration((g) => g + 1);
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    scanStarted.current = undefined;
    flush();
    setState('cancelled');
  }, [flush]);

  const retryUser = useCallback(
    (userId: number) => {
      update(userId, { error: undefined, sessions: undefined });
      fetchUserSessions(userId)
        .then((sessions) => update(userId, { sessions }))
        .catch((error) =>
          update(userId, { error: toApiError(error, 'GET', `/api/admin/users/${userId}/auth-tokens`) })
        );
    },
    [update]
  );

  const ensureOrgs = useCallback(
    async (userIds: number[]) => {
      const requested = orgsRequested.current;
      const missing = userIds.filter((id) => !requested.has(id) && byId.current.has(id));
      const started = forEachLimited(missing, ORG_CONCURRENCY, async (id) => {
        try {
          update(id, { orgs: await getUserOrgs(id) });
        } catch {
          requested.delete(id); // asked again when the row shows next time
        }
      });
      missing.forEach((id) => requested.set(id, started));
      await Promise.all(userIds.map((id) => requested.get(id)));
      const known = userIds.flatMap((id) => {
        const orgs = byId.current.get(id)?.orgs;
        return orgs ? [[id, orgs] as const] : [];
      });
      return new Map(known);
    },
    [update]
  );

  const refreshUser = useCallback(
    async (userId: number): Promise<UserEntry> => {
      const [profile, orgs, sessions] = await Promise.all([
        getUser(userId),
        getUserOrgs(userId),
        getUserSessions(userId),
      ]);
      // GET /api/users/:id has no lastSeenAt: keep the one the search gave, so the row keeps its place in the list.
      const lastSeenAt = profile.lastSeenAt ?? byId.current.get(userId)?.user.lastSeenAt;
      const entry: UserEntry = { user: { ...profile, lastSeenAt }, orgs, sessions };
      if (!byId.current.has(userId)) {
        order.current.push(userId);
      }
      byId.current.set(userId, entry);
      flush(true);
      return entry;
    },
    [flush]
  );

  const scannedUsers = entries.filter((e) => e.sessions || e.error).length;
  return {
    entries,
    state,
    paging,
    scannedUsers,
    completedAt,
    lifetime,
    stats,
    fatal,
    settings,
    reload,
    cancel,
    retryUser,
    ensureOrgs,
    refreshUser,
  };
}
