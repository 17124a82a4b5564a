import { Router } from 'express';

import { Seed } from '../seed';
import { GrafanaState } from '../state';

/** Not Grafana: controls for browser tests, mounted only with --test-hooks, under a prefix Grafana never uses. */
export function testHookRoutes(state: GrafanaState, loadSeed: () => Seed): Router {
  const router = Router();

  router.post('/__sandbox/reset', (_req, res) => {
    state.reset(loadSeed());
    res.json({ message: 'Sandbox reset' });
  });

  return router;
}
