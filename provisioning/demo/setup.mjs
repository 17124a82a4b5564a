// The demo stack's one-shot setup (the demo-setup service of docker-compose.yaml), through Grafana's HTTP API as
// the admin, from setup.json:
//   - the orgs that ldap.toml's mappings name (Grafana creates only Main Org.), with their expected ids;
//   - local users, with their role in Main Org.;
//   - sessions: signs users in with the given browsers' user agents (LDAP users with their demo.ldif password);
//   - an org's sole Admin: for a newly created org, adds that user as Admin and takes the admin out of it.
// Safe to run again: it skips orgs and users that exist, and sessions of users who already have one.
// Plain Node (22+), no packages. Locally: GRAFANA_URL=http://localhost:3000 node provisioning/demo/setup.mjs
import { readFileSync } from 'node:fs';

const GRAFANA_URL = (process.env.GRAFANA_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const ADMIN_USER = process.env.GRAFANA_ADMIN_USER ?? 'admin';
const ADMIN_PASSWORD = process.env.GRAFANA_ADMIN_PASSWORD ?? 'admin';
const ATTEMPTS = Number(process.env.DEMO_SETUP_ATTEMPTS ?? 30);
const RETRY_MS = 2000;

const setup = JSON.parse(readFileSync(new URL('./setup.json', import.meta.url), 'utf8'));
const ldif = readFileSync(process.env.DEMO_LDIF ?? new URL('../ldap/demo.ldif', import.meta.url), 'utf8');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One Grafana API call as the admin (basic auth); resolves to { status, body }. */
async function api(method, path, body) {
  const auth = Buffer.from(`${ADMIN_USER}:${ADMIN_PASSWORD}`).toString('base64');
  const response = await fetch(GRAFANA_URL + path, {
    method,
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: isJson && text ? JSON.parse(text) : text };
}

/** Like api(), but any status other than `expected` ends the setup with Grafana's answer. */
async function must(expected, method, path, body) {
  const reply = await api(method, path, body);
  if (reply.status !== expected) {
    throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  return reply.body;
}

/** userPassword of each uid in the LDIF (plain text in this demo directory). */
function ldapPasswords(text) {
  const passwords = new Map();
  for (const block of text.split(/\n\s*\n/)) {
    const uid = /^uid: (.+)$/m.exec(block)?.[1];
    const password = /^userPassword: (.+)$/m.exec(block)?.[1];
    if (uid && password) {
      passwords.set(uid.trim(), password.trim());
    }
  }
  return passwords;
}

/** The admin's own user, once Grafana answers. */
async function waitForGrafana() {
  let last = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const reply = await api('GET', '/api/user').catch((error) => ({ status: 0, body: String(error) }));
    if (reply.status === 200) {
      return reply.body;
    }
    if (reply.status === 401) {
      throw new Error(
        `Grafana refuses ${ADMIN_USER}'s password (GRAFANA_ADMIN_PASSWORD applies to a new database only)`
      );
    }
    last = `${reply.status} ${JSON.stringify(reply.body)}`;
    await sleep(RETRY_MS);
  }
  throw new Error(`Grafana at ${GRAFANA_URL} did not answer: ${last}`);
}

async function ensureOrgs() {
  const created = new Set();
  for (const org of setup.orgs) {
    const found = await api('GET', `/api/orgs/name/${encodeURIComponent(org.name)}`);
    let id = found.body?.id;
    if (found.status === 404) {
      id = (await must(200, 'POST', '/api/orgs', { name: org.name })).orgId;
      created.add(org.id);
      console.log(`org ${org.name}: created`);
    } else if (found.status !== 200) {
      throw new Error(`GET /api/orgs/name/${org.name}: ${found.status} ${JSON.stringify(found.body)}`);
    }
    if (id !== org.id) {
      throw new Error(
        `org ${org.name} has id ${id}, but ldap.toml maps org ${org.id}: start from a new Grafana (docker compose down)`
      );
    }
  }
  return created;
}

async function userId(login) {
  const reply = await api('GET', `/api/users/lookup?loginOrEmail=${encodeURIComponent(login)}`);
  return reply.status === 200 ? reply.body.id : undefined;
}

async function ensureLocalUsers() {
  for (const user of setup.localUsers) {
    if (await userId(user.login)) {
      continue;
    }
    const { login, name, email, password, orgRole } = user;
    const { id } = await must(200, 'POST', '/api/admin/users', { login, name, email, password, OrgId: 1 });
    await must(200, 'PATCH', `/api/orgs/1/users/${id}`, { role: orgRole });
    console.log(`user ${login}: created, ${orgRole} in Main Org.`);
  }
}

/** POST /login as the user's own browser would; LDAP logins are retried while the directory starts. */
async function signIn(login, userAgent) {
  const local = setup.localUsers.find((u) => u.login === login);
  const password = local?.password ?? ldapPasswords(ldif).get(login);
  if (!password) {
    throw new Error(`${login}: neither a local user of setup.json nor a person in demo.ldif`);
  }
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${GRAFANA_URL}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify({ user: login, password }),
    });
    if (response.ok) {
      return;
    }
    if (attempt >= ATTEMPTS) {
      throw new Error(`POST /login as ${login}: ${response.status} ${await response.text()}`);
    }
    await sleep(RETRY_MS);
  }
}

async function ensureSessions() {
  const logins = [...new Set(setup.sessions.map((s) => s.login))];
  for (const login of logins) {
    const id = await userId(login);
    if (id && (await must(200, 'GET', `/api/admin/users/${id}/auth-tokens`)).length > 0) {
      continue;
    }
    const userAgents = setup.sessions.filter((s) => s.login === login).map((s) => s.userAgent);
    for (const userAgent of userAgents) {
      await signIn(login, userAgent);
    }
    console.log(`${login}: signed in ${userAgents.length === 1 ? 'once' : `${userAgents.length} times`}`);
  }
}

async function ensureSoleAdmins(createdOrgs, admin) {
  for (const org of setup.orgs.filter((o) => o.soleAdmin && createdOrgs.has(o.id))) {
    if (!(await userId(org.soleAdmin))) {
      await signIn(org.soleAdmin, 'demo-setup');
    }
    await must(200, 'POST', `/api/orgs/${org.id}/users`, { loginOrEmail: org.soleAdmin, role: 'Admin' });
    // Creating the org made the admin its Admin; leave the user as its only one.
    await must(200, 'DELETE', `/api/orgs/${org.id}/users/${admin.id}`);
    console.log(`org ${org.name}: ${org.soleAdmin} is its only Admin`);
  }
}

async function main() {
  const admin = await waitForGrafana();
  const createdOrgs = await ensureOrgs();
  await ensureLocalUsers();
  await ensureSessions();
  await ensureSoleAdmins(createdOrgs, admin);
  const port = process.env.GRAFANA_PORT ?? new URL(GRAFANA_URL).port;
  console.log(`Demo ready: sign in as ${ADMIN_USER} at http://localhost:${port}/a/sessioncontrol-admin-app/sessions`);
}

main().catch((error) => {
  console.error(`demo setup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
