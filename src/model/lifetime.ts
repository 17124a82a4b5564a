// Which users can still hold a valid session: Grafana drops a token unused for longer than
// login_maximum_inactive_lifetime_duration, and refreshes a user's last_seen_at at most every
// few minutes, so anyone not seen within that lifetime plus a margin has nothing to list.

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  M: 30 * 86_400_000,
  y: 365 * 86_400_000,
};

/** Grafana's duration strings: "7d", "30d", "168h", "1h30m", "2w"; a bare number means days (the old *_days settings). */
export function parseGrafanaDuration(value: string): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    return Number(text) * UNIT_MS.d;
  }
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w|M|y)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    return undefined;
  }
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * UNIT_MS[unit], 0);
}

export const DEFAULT_INACTIVE_LIFETIME_MS = 7 * UNIT_MS.d;
/** last_seen_at is refreshed at most every few minutes; an hour covers that and clock skew. */
export const SAFETY_MARGIN_MS = UNIT_MS.h;

export interface SessionLifetime {
  inactiveMs: number;
  /** Where the value came from, said on the page. */
  source: 'settings' | 'default';
  /** Why the default is used, when it is. */
  reason?: string;
}

/** Users last seen before this instant cannot hold a valid session. */
export function sessionCutoff(now: Date, lifetime: SessionLifetime, marginMs = SAFETY_MARGIN_MS): Date {
  return new Date(now.getTime() - lifetime.inactiveMs - marginMs);
}

export function canHoldSession(lastSeenAt: Date | undefined, cutoff: Date): boolean {
  return lastSeenAt !== undefined && lastSeenAt.getTime() >= cutoff.getTime();
}

export function describeDuration(ms: number): string {
  const days = ms / UNIT_MS.d;
  if (Number.isInteger(days)) {
    return `${days} day${days === 1 ? '' : 's'}`;
  }
  const hours = Math.round(ms / UNIT_MS.h);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}
