import { Request, Response, Router } from 'express';

import { ldapServerStatus } from '../dto';
import { RequestCounts } from '../requestCounts';
import { Seed } from '../seed';
import { GrafanaState } from '../state';

const LDAP_SWITCHES = ['enabled', 'skipOrgRoleSync', 'available'];

/** Not Grafana: controls for browser tests, mounted only with --test-hooks, under a prefix Grafana never uses. */
export function testHookRoutes(state: GrafanaState, loadSeed: () => Seed, requests: RequestCounts): Router {
  const router = Router();

  router.post('/__sandbox/reset', (_req, res) => {
    state.reset(loadSeed());
    res.json({ message: 'Sandbox reset' });
  });

  // A directory change, such as an LDAP admin moving a user to another group. Grafana sees it at the next sync.
  router.post('/__sandbox/ldap/groups', (req, res) => {
    const body = jsonObject(req);
    const { login, groups } = body ?? {};
    if (typeof login !== 'string' || !Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) {
      badRequest(res, 'expected {"login": "<uid>", "groups": ["<group DN>", ...]}');
      return;
    }
    const entry = state.ldap.directory.find((e) => e.login.toLowerCase() === login.toLowerCase());
    if (!entry) {
      res.status(404).json({ message: `no LDAP directory entry with login ${JSON.stringify(login)}` });
      return;
    }
    entry.groups = groups;
    res.json({ message: 'LDAP groups updated', login: entry.login, groups });
  });

  // What an admin gets by editing grafana.ini or ldap.toml and restarting: sessions survive, as in Grafana.
  router.post('/__sandbox/ldap/config', (req, res) => {
    const body = jsonObject(req);
    if (
      !body ||
      Object.entries(body).some(([key, value]) => !LDAP_SWITCHES.includes(key) || typeof value !== 'boolean')
    ) {
      badRequest(res, `expected an object of booleans among ${LDAP_SWITCHES.join(', ')}`);
      return;
    }
    const { enabled, skipOrgRoleSync, available } = body as Record<string, boolean | undefined>;
    if (enabled && state.ldap.servers.length === 0) {
      badRequest(res, 'the seed configures no LDAP server, so LDAP cannot be enabled');
      return;
    }
    const config = state.ldap;
    config.enabled = enabled ?? config.enabled;
    config.skipOrgRoleSync = skipOrgRoleSync ?? config.skipOrgRoleSync;
    for (const server of config.servers) {
      server.available = available ?? server.available;
    }
    res.json({
      message: 'LDAP config updated',
      enabled: config.enabled,
      skipOrgRoleSync: config.skipOrgRoleSync,
      servers: config.servers.map(ldapServerStatus),
    });
  });

  // An admin whose role lacks settings:read (Enterprise, Cloud): GET /api/admin/settings answers 403 until reset.
  router.post('/__sandbox/settings', (req, res) => {
    const body = jsonObject(req);
    if (!body || typeof body.readable !== 'boolean' || Object.keys(body).length !== 1) {
      badRequest(res, 'expected {"readable": true} or {"readable": false}');
      return;
    }
    state.settingsReadable = body.readable;
    res.json({ message: 'Settings access updated', readable: state.settingsReadable });
  });

  // Requests answered since start-up or the last clear, per route (benchmarks count the page's requests).
  router.get('/__sandbox/stats', (_req, res) => {
    res.json(requests.snapshot());
  });

  router.post('/__sandbox/stats/clear', (_req, res) => {
    requests.clear();
    res.json({ message: 'Request counts cleared' });
  });

  return router;
}

function jsonObject(req: Request): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function badRequest(res: Response, message: string): void {
  res.status(400).json({ message });
}
