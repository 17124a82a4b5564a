const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNITS: Record<string, number> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY };

export const TEN_MINUTES = 10 * MINUTE;
export const ONE_DAY = DAY;
export const THIRTY_DAYS = 30 * DAY;

/** The sandbox's notion of "now": fixed when the seed says so, real time otherwise. */
export class Clock {
  constructor(private fixedAt: number | null) {}

  now(): number {
    return this.fixedAt ?? Date.now();
  }

  isFixed(): boolean {
    return this.fixedAt !== null;
  }

  /** Moves a fixed clock (tests use it to let sessions age). */
  set(ms: number): void {
    this.fixedAt = ms;
  }
}

const RELATIVE = /^-(\d+)(s|m|h|d)$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Reads an ISO 8601 time or an offset from now such as "-5m", "-2h", "-3d". Returns null when neither. */
export function parseSeedTime(value: string, now: number): number | null {
  const relative = RELATIVE.exec(value);
  if (relative) {
    return now - Number(relative[1]) * UNITS[relative[2]];
  }
  if (!ISO_8601.test(value)) {
    return null;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

const DURATION = /^(\d+(ms|s|m|h|d|w))+$/;

/** Reads a Grafana duration setting such as "7d", "30d" or "1h30m" into milliseconds. */
export function parseDuration(value: string): number | null {
  if (!DURATION.test(value)) {
    return null;
  }
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+)(ms|s|m|h|d|w)/g)) {
    total += Number(amount) * UNITS[unit];
  }
  return total;
}

/** RFC 3339 at second precision, as Go marshals the times Grafana keeps in its database. */
export function formatTime(ms: number): string {
  return new Date(Math.floor(ms / SECOND) * SECOND).toISOString().replace('.000Z', 'Z');
}

/** Grafana never stores "never": a new user's last_seen_at is its creation time minus ten years. */
export function neverSeen(createdAt: number): number {
  const date = new Date(createdAt);
  date.setUTCFullYear(date.getUTCFullYear() - 10);
  return date.getTime();
}

/** Grafana's util.GetAgeString (the "3 minutes" / "10 years" wording of 10.x and later). */
export function ageString(ms: number, now: number): string {
  const minutes = (now - ms) / MINUTE;
  const steps: Array<[number, string]> = [
    [Math.floor(minutes / 525600), 'year'],
    [Math.floor(minutes / 43800), 'month'],
    [Math.floor(minutes / 1440), 'day'],
    [Math.floor(minutes / 60), 'hour'],
    [Math.trunc(minutes), 'minute'],
  ];
  for (const [amount, unit] of steps) {
    if (amount > 0) {
      return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
    }
  }
  return '< 1 minute';
}
