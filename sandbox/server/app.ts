import cookieParser from 'cookie-parser';
import express, { Express, NextFunction, Request, Response } from 'express';
import { dirname, join, resolve } from 'path';

import { requireSession } from './auth';
import { sendMessage } from './http';
import { answerAfter } from './latency';
import { pageRoutes } from './page';
import { RequestCounts } from './requestCounts';
import { adminRoutes } from './routes/admin';
import { ldapRoutes } from './routes/ldap';
import { loginRoutes } from './routes/login';
import { orgRoutes } from './routes/orgs';
import { testHookRoutes } from './routes/testHooks';
import { tokenRoutes } from './routes/tokens';
import { usersRoutes } from './routes/users';
import { loadSeedFile, parseSeed, Seed } from './seed';
import { GrafanaState } from './state';

const REPO_ROOT = resolve(__dirname, '../..');

export interface SandboxOptions {
  /** A seed file path, or the seed's JSON content. Read again on every reset. */
  seed: string | object;
  distDir?: string;
  shellDir?: string;
  indexHtml?: string;
  systemjsDir?: string;
  /** Time from each /api request's arrival to its answer, its own work included; other requests are served meanwhile. */
  latencyMs?: number;
  /** Mounts the /__sandbox/* controls for browser tests. */
  testHooks?: boolean;
  /** Receives one line per request served; silent when absent. */
  log?: (line: string) => void;
}

export interface Sandbox {
  app: Express;
  state: GrafanaState;
  /** Requests answered so far, per route. */
  requests: RequestCounts;
}

/** The emulated Grafana as an Express app that is not listening yet. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const loadSeed = (): Seed =>
    typeof options.seed === 'string' ? loadSeedFile(options.seed) : parseSeed(options.seed, '(inline)');
  const state = new GrafanaState(loadSeed());
  const requests = new RequestCounts();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(requests.middleware);
  // Grafana's AddDefaultResponseHeaders: its pages and API answers are no-store; static files under /public are not.
  app.use((req, res, next) => {
    if (!req.path.startsWith('/public/')) {
      res.setHeader('Cache-Control', 'no-store');
    }
    next();
  });
  if (options.log) {
    app.use(requestLog(options.log));
  }
  app.use(cookieParser());
  // Bodies are kept raw: handlers bind JSON themselves, whatever the Content-Type, as Grafana does.
  app.use(express.raw({ type: () => true, limit: '10mb' }));

  app.use(loginRoutes(state));
  if (options.testHooks) {
    app.use(testHookRoutes(state, loadSeed, requests));
  }
  app.use(
    pageRoutes(state, {
      distDir: options.distDir ?? join(REPO_ROOT, 'dist'),
      shellDir: options.shellDir ?? join(REPO_ROOT, 'sandbox/shell/dist'),
      indexHtml: options.indexHtml ?? join(REPO_ROOT, 'sandbox/shell/index.html'),
      systemjsDir: options.systemjsDir ?? join(dirname(require.resolve('systemjs/package.json')), 'dist'),
    })
  );

  const latencyMs = options.latencyMs ?? 0;
  if (latencyMs > 0) {
    app.use('/api', answerAfter(latencyMs));
  }
  app.use('/api', requireSession(state));
  app.use(usersRoutes(state), tokenRoutes(state), orgRoutes(state), adminRoutes(state), ldapRoutes(state));

  app.use((req, res) => {
    if (req.path.startsWith('/api/')) {
      sendMessage(res, 404, 'Not found');
    } else {
      res.status(404).type('text').send('Not found\n');
    }
  });
  return { app, state, requests };
}

function requestLog(log: (line: string) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number((process.hrtime.bigint() - started) / BigInt(1e6));
      log(`${req.method} ${req.originalUrl.split('?')[0]} ${res.statusCode} ${ms}ms`);
    });
    next();
  };
}
