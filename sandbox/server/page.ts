import express, { Request, Response, Router } from 'express';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import { dropDeadSession, identify, Identity, markActivity, signIn, SIGNED_OUT_COOKIE } from './auth';
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

  router.get('/login', (req, res) => {
    res.type('html').send(loginPage(state.seed.viewer));
  });

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

/**
 * The browser's session; a new one for the seed's viewer when the browser has none; a dead session (revoked,
 * expired, or from before a restart) goes to the sign-in page, as Grafana answers it (302 to /login).
 */
function pageIdentity(state: GrafanaState, req: Request, res: Response): Identity | undefined {
  let identity = identify(state, req);
  if (!identity && (dropDeadSession(req, res) || req.cookies?.[SIGNED_OUT_COOKIE])) {
    res.redirect(302, '/login');
    return undefined;
  }
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

/** Grafana's sign-in page, reduced to its form: it posts {user, password} to /login, then goes back to the page. */
function loginPage(viewer: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in · Grafana sandbox</title>
<style>
  body { font-family: Inter, Helvetica, Arial, sans-serif; background: #111217; color: #ccccdc; display: grid; place-items: center; min-height: 100vh; margin: 0; }
  form { background: #181b1f; border: 1px solid #2c3235; border-radius: 4px; padding: 32px; width: 320px; display: grid; gap: 12px; }
  h1 { font-size: 20px; margin: 0 0 8px; } label { display: grid; gap: 4px; font-size: 14px; }
  input { background: #111217; color: #ccccdc; border: 1px solid #3e4348; border-radius: 2px; padding: 8px; font-size: 14px; }
  button { background: #3d71d9; color: #fff; border: 0; border-radius: 2px; padding: 8px; font-size: 14px; cursor: pointer; }
  p { font-size: 12px; margin: 0; color: #9fa7b3; } #error { color: #ff8a8a; }
</style></head>
<body><form id="login">
<h1>Sign in to the Grafana sandbox</h1>
<p>Your session ended (revoked, expired, or the sandbox restarted). Seeded users' passwords are their logins,
for example ${escapeHtml(viewer)} / ${escapeHtml(viewer)}.</p>
<label>Email or username <input name="user" autocomplete="username" required value="${escapeHtml(viewer)}"></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Log in</button>
<p id="error" role="alert"></p>
</form>
<script>
document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const res = await fetch('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: form.get('user'), password: form.get('password') }),
  });
  if (res.ok) {
    location.href = '/';
  } else {
    const body = await res.json().catch(() => ({}));
    document.getElementById('error').textContent = body.message || 'Sign-in failed (' + res.status + ')';
  }
});
</script></body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
