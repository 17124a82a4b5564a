import { parseSeedTime } from './time';

/** Reads one JSON object of the seed, collecting readable problems instead of stopping at the first. */
export class Fields {
  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly where: string,
    private readonly problems: string[],
    known: string[]
  ) {
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) {
        this.problem(key, `is not a seed field (known: ${known.join(', ')})`);
      }
    }
  }

  static of(value: unknown, where: string, problems: string[], known: string[]): Fields | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${where}: must be an object`);
      return null;
    }
    return new Fields(value as Record<string, unknown>, where, problems, known);
  }

  problem(key: string, message: string): void {
    this.problems.push(`${this.where}: "${key}" ${message}`);
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined;
  }

  string(key: string, fallback?: string): string {
    const value = this.obj[key];
    if (value === undefined && fallback !== undefined) {
      return fallback;
    }
    if (typeof value !== 'string') {
      this.problem(key, value === undefined ? 'is required' : `must be a string (got ${JSON.stringify(value)})`);
      return fallback ?? '';
    }
    return value;
  }

  bool(key: string, fallback: boolean): boolean {
    const value = this.obj[key];
    if (value === undefined) {
      return fallback;
    }
    if (typeof value !== 'boolean') {
      this.problem(key, `must be true or false (got ${JSON.stringify(value)})`);
      return fallback;
    }
    return value;
  }

  id(key: string): number {
    const value = this.obj[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      this.problem(key, `must be a positive integer (got ${JSON.stringify(value)})`);
      return 0;
    }
    return value;
  }

  /** An ISO 8601 time or an offset from `now`; `fallback` when absent. */
  time(key: string, now: number, fallback: number): number {
    const value = this.obj[key];
    if (value === undefined) {
      return fallback;
    }
    const ms = typeof value === 'string' ? parseSeedTime(value, now) : null;
    if (ms === null) {
      this.problem(
        key,
        `must be an ISO 8601 time or an offset like "-5m", "-2h", "-3d" (got ${JSON.stringify(value)})`
      );
      return fallback;
    }
    return ms;
  }

  list(key: string): unknown[] {
    const value = this.obj[key];
    if (value === undefined) {
      return [];
    }
    if (!Array.isArray(value)) {
      this.problem(key, 'must be an array');
      return [];
    }
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback?: T): T {
    const value = this.string(key, fallback);
    if (!allowed.includes(value as T)) {
      this.problem(key, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
      return fallback ?? allowed[0];
    }
    return value as T;
  }
}
