import { NextFunction, Request, Response } from 'express';

export interface RequestCountsSnapshot {
  /** When counting started (start-up or the last clear), ISO 8601. */
  since: string;
  total: number;
  /** "GET /api/admin/users/:id/auth-tokens" → requests, for every route that was asked for. */
  byRoute: Record<string, number>;
  /** HTTP status → requests. */
  byStatus: Record<string, number>;
  /** Mean /api requests in flight (latency included) from the first one's arrival to the last one's answer. */
  apiMeanInFlight: number;
}

/** Not Grafana: how many requests the sandbox answered, per route, for benchmarks. /__sandbox/* is not counted. */
export class RequestCounts {
  private byRoute = new Map<string, number>();
  private byStatus = new Map<string, number>();
  private since = new Date();
  private inFlight = new InFlight();

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (!req.path.startsWith('/__sandbox/')) {
      const api = req.path.startsWith('/api/');
      const inFlight = this.inFlight;
      if (api) {
        inFlight.change(+1);
      }
      // 'close' also fires when the client gives up before the answer (an aborted fetch).
      res.on('close', () => {
        increment(this.byRoute, `${req.method} ${routeOf(req)}`);
        increment(this.byStatus, String(res.statusCode));
        if (api) {
          inFlight.change(-1);
        }
      });
    }
    next();
  };

  snapshot(): RequestCountsSnapshot {
    return {
      since: this.since.toISOString(),
      total: [...this.byRoute.values()].reduce((sum, n) => sum + n, 0),
      byRoute: Object.fromEntries([...this.byRoute].sort(([a], [b]) => (a < b ? -1 : 1))),
      byStatus: Object.fromEntries(this.byStatus),
      apiMeanInFlight: this.inFlight.mean(),
    };
  }

  clear(): void {
    this.byRoute = new Map();
    this.byStatus = new Map();
    this.inFlight = new InFlight();
    this.since = new Date();
  }
}

/** ∫ requests in flight dt, from the first arrival to the last answer. */
class InFlight {
  private count = 0;
  private area = 0;
  private first?: number;
  private last = 0;

  change(delta: number): void {
    const now = performance.now();
    this.first ??= now;
    this.area += this.count * (now - (this.last || now));
    this.count += delta;
    this.last = now;
  }

  mean(): number {
    return this.first === undefined || this.last === this.first ? 0 : this.area / (this.last - this.first);
  }
}

/**
 * The matched route's pattern (ids stay out of the key), or, for static files and requests answered before any
 * route (401, 404), the first two path segments.
 */
export function routeOf(req: Request): string {
  const pattern: unknown = req.route?.path;
  if (typeof pattern === 'string') {
    return pattern;
  }
  if (Array.isArray(pattern)) {
    return pattern.join(',');
  }
  // originalUrl: a middleware mounted at /api that answered (401) leaves req.url without its mount path.
  const segments = req.originalUrl.split('?')[0].split('/').filter(Boolean);
  return '/' + segments.slice(0, 2).join('/') + (segments.length > 2 ? '/*' : '');
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The counts as a few lines of text, for the server's exit. */
export function formatRequestCounts({ since, total, byRoute }: RequestCountsSnapshot): string {
  const width = Math.max(0, ...Object.values(byRoute).map((n) => String(n).length));
  const lines = Object.entries(byRoute).map(([route, n]) => `  ${String(n).padStart(width)}  ${route}`);
  return [`${total} request${total === 1 ? '' : 's'} since ${since}:`, ...lines].join('\n');
}
