import { createHash, randomBytes } from 'crypto';

import { Clock, TEN_MINUTES } from './time';

export interface Session {
  id: number;
  userId: number;
  clientIp: string;
  browser: string;
  browserVersion: string;
  os: string;
  osVersion: string;
  device: string;
  authModule: string;
  createdAt: number;
  /** Doubles as Grafana's rotated_at: the lifetimes count from it. */
  seenAt: number;
}

export interface Lifetimes {
  inactiveMs: number;
  maxMs: number;
}

/** Grafana's user_auth_token table: rows keyed by id, looked up by the hash of the cookie's secret. */
export class SessionStore {
  private readonly rows = new Map<number, Session>();
  private readonly idByHash = new Map<string, number>();
  private readonly hashById = new Map<number, string>();
  private readonly idsByUser = new Map<number, Set<number>>();
  private nextId = 1;

  constructor(
    private readonly clock: Clock,
    private readonly lifetimes: Lifetimes
  ) {}

  /** Stores a session and returns the secret its cookie carries; only the hash is kept. */
  add(fields: Omit<Session, 'id'> & { id?: number }): { session: Session; secret: string } {
    const session: Session = { ...fields, id: fields.id ?? this.nextId };
    this.nextId = Math.max(this.nextId, session.id + 1);
    const secret = randomBytes(16).toString('hex');
    this.rows.set(session.id, session);
    const secretHash = hash(secret);
    this.idByHash.set(secretHash, session.id);
    this.hashById.set(session.id, secretHash);
    const ids = this.idsByUser.get(session.userId) ?? new Set<number>();
    this.idsByUser.set(session.userId, ids.add(session.id));
    return { session, secret };
  }

  /** The valid session a cookie secret stands for, if any. */
  lookup(secret: string): Session | undefined {
    const id = this.idByHash.get(hash(secret));
    const session = id === undefined ? undefined : this.rows.get(id);
    return session && this.isValid(session) ? session : undefined;
  }

  /** Grafana's filter: not revoked, created within the maximum lifetime, rotated within the inactive lifetime. */
  isValid(session: Session): boolean {
    const now = this.clock.now();
    return session.createdAt > now - this.lifetimes.maxMs && session.seenAt > now - this.lifetimes.inactiveMs;
  }

  listValid(userId: number): Session[] {
    return this.ofUser(userId).filter((s) => this.isValid(s));
  }

  /** Any stored row of the user, expired or not (Grafana's GetUserToken looks up `id AND user_id`). */
  find(userId: number, id: number): Session | undefined {
    const session = this.rows.get(id);
    return session?.userId === userId ? session : undefined;
  }

  /** Rotation granularity: a request moves seenAt and the client IP only when the last move is 10 minutes old. */
  touch(session: Session, clientIp: string): void {
    const now = this.clock.now();
    if (now - session.seenAt >= TEN_MINUTES) {
      session.seenAt = now;
      session.clientIp = clientIp;
    }
  }

  /** Hard delete, like RevokeToken(soft=false): the cookie stops working at once. */
  revoke(id: number): void {
    const session = this.rows.get(id);
    if (!session) {
      return;
    }
    this.rows.delete(id);
    this.idsByUser.get(session.userId)?.delete(id);
    this.idByHash.delete(this.hashById.get(id)!);
    this.hashById.delete(id);
  }

  revokeAll(userId: number): number {
    const ids = [...(this.idsByUser.get(userId) ?? [])];
    ids.forEach((id) => this.revoke(id));
    return ids.length;
  }

  all(): IterableIterator<Session> {
    return this.rows.values();
  }

  private ofUser(userId: number): Session[] {
    return [...(this.idsByUser.get(userId) ?? [])].map((id) => this.rows.get(id)!);
  }
}

function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
