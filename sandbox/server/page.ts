import express, { Request, Response, Router } from 'express';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import { identify, Identity, markActivity, signIn } from './auth';
import { bootData, PLUGIN_ID, scriptJson } from './bootData';
import { GrafanaState } from './state';

export interface PageOptions {
  /** The shell's HTML, with a literal %BOOT_DATA% where the boot data goes. */
  indexHtml: string;
  /** The built plugin (`npm run build` output). */
  distDir: string;
  /** The shell's bundle. */
  shellDir: string;
  systemjsDir: string;
}

const THEME_COOKIE = 'sandbox_theme';
const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Session Control sandbox</title></head>
<body><p>The sandbox shell is not built yet (sandbox/shell/index.html is missing).</p>
<script>window.grafanaBootData = %BOOT_DATA%;</script></body></html>
`;

/** The app page (signed in as the seed's viewer when the browser has no session) and the static files. */
export function pageRoutes(state: GrafanaState, options: PageOptions): Router {
  const router = Router();

  router.get('/', (req, res) => {
    if (pageIdentity(state, req, res)) {
      res.redirect(302, `/a/${PLUGIN_ID}/sessions`);
    }
  });

  router.get([`/a/${PLUGIN_ID}`, `/a/${PLUGIN_ID}/*`], (req, res) => {
    const identity = pageIdentity(state, req, res);
    if (!identity) {
      return;
    }
    const theme = chooseTheme(req, res);
    const data = bootData(state, identity, req, { theme, pluginVersion: pluginVersion(options.distDir) });
    const html = existsSync(options.indexHtml) ? readFileSync(options.indexHtml, 'utf8') : PLACEHOLDER_HTML;
    res.type('html').send(html.split('%BOOT_DATA%').join(scriptJson(data)));
  });

  router.use(`/public/plugins/${PLUGIN_ID}`, express.static(options.distDir, { index: false }));
  router.use('/public/sandbox', express.static(options.shellDir, { index: false }));
  router.use('/public/systemjs', express.static(options.systemjsDir, { index: false }));

  return router;
}

/** The browser's session, or a new one for the seed's viewer (a sandbox has no login page). */
function pageIdentity(state: GrafanaState, req: Request, res: Response): Identity | undefined {
  let identity = identify(state, req);
  if (!identity) {
    const viewer = state.findByLoginOrEmail(state.seed.viewer);
    if (!viewer || viewer.isDisabled) {
      res
        .status(503)
        .type('text')
        .send(`The seed's viewer "${state.seed.viewer}" is disabled: nobody to sign in as.\n`);
      return undefined;
    }
    identity = signIn(state, req, res, viewer);
  }
  markActivity(state, req, identity);
  return identity;
}

function chooseTheme(req: Request, res: Response): 'light' | 'dark' {
  const asked = req.query.theme;
  if (asked === 'light' || asked === 'dark') {
    res.cookie(THEME_COOKIE, asked, { path: '/', sameSite: 'lax' });
    return asked;
  }
  return req.cookies?.[THEME_COOKIE] === 'light' ? 'light' : 'dark';
}

function pluginVersion(distDir: string): string {
  try {
    return JSON.parse(readFileSync(join(distDir, 'plugin.json'), 'utf8')).info?.version ?? '';
  } catch {
    return '';
  }
}
