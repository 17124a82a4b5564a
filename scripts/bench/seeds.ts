import { writeFileSync } from 'fs';
import { join } from 'path';

import { generateSeed } from '../../sandbox/seed/generate';
import { parseSeed } from '../../sandbox/server/seed';

/** The page's safety margin on top of the inactive lifetime (last_seen_at is refreshed every few minutes). */
const MARGIN_MS = 60 * 60 * 1000;

export interface SeedFile {
  path: string;
  users: number;
  /** Users seen within the inactive lifetime plus the margin: the only ones that can hold a session. */
  usersThatCanHoldSessions: number;
  /** That lifetime plus the margin. */
  cutoffMs: number;
  /** Sessions that are valid now (created within the maximum lifetime, rotated within the inactive one). */
  sessions: number;
  inactiveLifetimeMs: number;
  generatedMs: number;
}

/** Generates a seed with sandbox/seed/generate.ts into `dir`, and counts what the page should find in it. */
export function writeSeed(dir: string, name: string, users: number, active: number, sessionsPerActive: number) {
  const started = performance.now();
  const json = generateSeed(users, active, { sessionsPerActive });
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(json));
  const generatedMs = performance.now() - started;

  const seed = parseSeed(json, path);
  const now = Date.now();
  const cutoff = now - seed.inactiveLifetimeMs - MARGIN_MS;
  const isValid = (s: { createdAt: number; seenAt: number }) =>
    s.createdAt > now - seed.maxLifetimeMs && s.seenAt > now - seed.inactiveLifetimeMs;
  const file: SeedFile = {
    path,
    users: seed.users.length,
    usersThatCanHoldSessions: seed.users.filter((u) => u.lastSeenAt >= cutoff).length,
    cutoffMs: now - cutoff,
    sessions: seed.users.reduce((sum, u) => sum + u.sessions.filter(isValid).length, 0),
    inactiveLifetimeMs: seed.inactiveLifetimeMs,
    generatedMs,
  };
  return file;
}
