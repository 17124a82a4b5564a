// Loads the session inventory without asking about users who cannot hold a session: pages users
// most recently seen first, stops once they fall outside the inactive lifetime plus a margin,
// and fetches each remaining user's sessions with bounded concurrency while paging goes on.
import { getAuthSettings, getUserSessions, searchUsers } from '../api/client';
import { GrafanaApiError, toApiError } from '../api/errors';
import { Session, UserSummary } from '../api/types';
import {
  canHoldSession,
  DEFAULT_INACTIVE_LIFETIME_MS,
  parseGrafanaDuration,
  sessionCutoff,
  SessionLifetime,
} from '../model/lifetime';

export interface LoaderOptions {
  concurrency: number;
  /** Turn pruning off: ask every user, however long ago they were seen. */
  scanEveryUser: boolean;
  perPage?: number;
  /** Per-user request timeout. */
  timeoutMs?: number;
  now?: () => Date;
  signal: AbortSignal;
}

export interface LoaderEvents {
  onLifetime: (lifetime: SessionLifetime) => void;
  /** Users found on a search page that will be asked for their sessions. */
  onCandidates: (users: UserSummary[], progress: PagingProgress) => void;
  onSessions: (userId: number, sessions: Session[]) => void;
  onUserError: (userId: number, error: GrafanaApiError) => void;
}

export interface PagingProgress {
  /** Users Grafana has in all. */
  totalUsers: number;
  /** Users read from search pages so far. */
  usersPaged: number;
  /** True once no further page will be read. */
  pagingDone: boolean;
}

const PER_PAGE = 500;
const TIMEOUT_MS = 15_000;

export async function readLifetime(signal?: AbortSignal): Promise<SessionLifetime> {
  const fallback = (reason: string): SessionLifetime => ({
    inactiveMs: DEFAULT_INACTIVE_LIFETIME_MS,
    source: 'default',
    reason,
  });
  try {
    const settings = await getAuthSettings(signal);
    const inactiveMs = settings.inactiveLifetime ? parseGrafanaDuration(settings.inactiveLifetime) : undefined;
    return inactiveMs
      ? { inactiveMs, source: 'settings' }
      : fallback(
          `Grafana's settings did not include a readable inactive lifetime ("${settings.inactiveLifetime ?? ''}")`
        );
  } catch (error) {
    const apiError = toApiError(error, 'GET', '/api/admin/settings');
    if (apiError.status === 401) {
      throw apiError;
    }
    return fallback(`Grafana did not let this page read its settings (${apiError.status} ${apiError.message})`);
  }
}

/** Rejects after `ms` with a timeout error; the request itself is left to finish unseen. */
function withTimeout<T>(promise: Promise<T>, ms: number, url: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new GrafanaApiError({ status: 0, message: `No answer within ${ms / 1000} s`, method: 'GET', url })),
      ms
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function fetchUserSessions(userId: number, timeoutMs = TIMEOUT_MS, signal?: AbortSignal): Promise<Session[]> {
  const url = `/api/admin/users/${userId}/auth-tokens`;
  return withTimeout(getUserSessions(userId, signal), timeoutMs, url);
}

/** A queue that workers wait on until work arrives or no more will. */
class WorkQueue<T> {
  private items: T[] = [];
  private closed = false;
  private waiting: Array<() => void> = [];

  push(items: T[]) {
    this.items.push(...items);
    this.wake();
  }

  close() {
    this.closed = true;
    this.wake();
  }

  async take(): Promise<T | undefined> {
    while (this.items.length === 0 && !this.closed) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    return this.items.shift();
  }

  private wake() {
    this.waiting.splice(0).forEach((resolve) => resolve());
  }
}

export async function loadInventory(options: LoaderOptions, events: LoaderEvents): Promise<void> {
  const {
    concurrency,
    scanEveryUser,
    signal,
    perPage = PER_PAGE,
    timeoutMs = TIMEOUT_MS,
    now = () => new Date(),
  } = options;
  const queue = new WorkQueue<UserSummary>();
  let fatal: GrafanaApiError | undefined;

  const worker = async () => {
    for (let user = await queue.take(); user && !signal.aborted && !fatal; user = await queue.take()) {
      try {
        events.onSessions(user.id, await fetchUserSessions(user.id, timeoutMs, signal));
      } catch (error) {
        const apiError = toApiError(error, 'GET', `/api/admin/users/${user.id}/auth-tokens`);
        if (apiError.status === 401) {
          fatal = apiError; // the admin's own session ended: nothing further can succeed
          queue.close();
        } else if (!signal.aborted) {
          events.onUserError(user.id, apiError);
        }
      }
    }
  };

  const page = async () => {
    try {
      const [lifetime, first] = await Promise.all([
        readLifetime(signal),
        searchUsers({ page: 1, perPage, sort: 'lastSeenAtAge-desc', signal }),
      ]);
      events.onLifetime(lifetime);
      const cutoff = sessionCutoff(now(), lifetime);
      let result = first;
      let usersPaged = 0;
      // Stopping early is right only while Grafana answers most recently seen first, as lastSeenAtAge-desc asks.
      let previous: Date | undefined;
      let newestFirst = true;
      for (let pageNo = 1; ;) {
        usersPaged += result.users.length;
        for (const { lastSeenAt } of result.users) {
          newestFirst &&= !(previous && lastSeenAt && lastSeenAt.getTime() > previous.getTime());
          previous = lastSeenAt ?? previous;
        }
        const candidates = scanEveryUser
          ? result.users
          : result.users.filter((u) => canHoldSession(u.lastSeenAt, cutoff));
        const last = result.users[result.users.length - 1];
        const pastCutoff =
          !scanEveryUser && newestFirst && last !== undefined && !canHoldSession(last.lastSeenAt, cutoff);
        const pagingDone =
          pastCutoff || result.users.length < perPage || usersPaged >= result.totalCount || signal.aborted;
        events.onCandidates(candidates, { totalUsers: result.totalCount, usersPaged, pagingDone });
        queue.push(candidates);
        if (pagingDone || fatal) {
          return;
        }
        pageNo++;
        result = await searchUsers({ page: pageNo, perPage, sort: 'lastSeenAtAge-desc', signal });
      }
    } finally {
      queue.close();
    }
  };

  const workers = Array.from({ length: Math.max(1, concurrency) }, worker);
  await Promise.all([page(), ...workers]);
  if (fatal) {
    throw fatal;
  }
}
