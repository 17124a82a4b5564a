/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, posix } from 'path';
import { parse as parseYaml } from 'yaml';

import { COMPOSE_PATH, composeVariables, readCompose, splitVolume } from './composeFile';
import {
  DEMO_PATHS,
  demoLdapServer,
  demoLdif,
  demoPeople,
  demoSetup,
  promisedLogins,
  readRepoFile,
  REPO_ROOT,
} from './demoFiles';
import { DEFAULT_ACTIVE, DEFAULT_USERS, generateSeed } from './generate';
import { values } from './ldif';
import { mappedRoles } from './ldapToml';
import { NAMED_USERS } from './namedUsers';

/** The real stack's files agree with each other, with plugin.json, with the sandbox's default seed and the README. */

const README_FILES = ['README.md'];
const docs = README_FILES.map(readRepoFile).join('\n');
const composeText = readRepoFile(COMPOSE_PATH);
const compose = readCompose();
const { grafana, ldap, 'demo-setup': demoSetupService } = compose.services;
const pluginId: string = JSON.parse(readRepoFile('src/plugin.json')).id;
const server = demoLdapServer();
const ldif = demoLdif();
const people = demoPeople(ldif, server);
const setup = demoSetup();

/** A minimal ini reader: [section] and key = value, comments with ; or #. */
function readIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current = new Map<string, string>();
  for (const line of text.split('\n').map((l) => l.trim())) {
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = sections.get(section[1]) ?? new Map();
      sections.set(section[1], current);
    } else if (line && !/^[;#]/.test(line)) {
      const at = line.indexOf('=');
      current.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
  }
  return sections;
}

const mountOf = (service: typeof grafana, target: string) =>
  (service.volumes ?? []).map(splitVolume).find((v) => v.target === target);

describe('docker-compose.yaml', () => {
  it('mounts only paths that exist, read-only, and builds from files that exist', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of (service.volumes ?? []).map(splitVolume)) {
        expect({ service: name, source: volume.source, exists: existsSync(join(REPO_ROOT, volume.source)) }).toEqual({
          service: name,
          source: volume.source,
          exists: true,
        });
        expect(volume.readOnly).toBe(true);
      }
    }
    const dockerfile = join(grafana.build!.context, grafana.build!.dockerfile!);
    expect(existsSync(join(REPO_ROOT, dockerfile))).toBe(true);
    expect(existsSync(join(REPO_ROOT, `${dockerfile}.dockerignore`))).toBe(true);
  });

  it('copies into the image only files that exist and that the Dockerfile’s ignore file lets through', () => {
    const dockerfile = posix.join(grafana.build!.context, grafana.build!.dockerfile!);
    const allowed = readRepoFile(`${dockerfile}.dockerignore`)
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1).replace(/\/$/, ''));
    const sources = readRepoFile(dockerfile)
      .split('\n')
      .filter((line) => /^COPY /.test(line) && !line.includes('--from'))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: existsSync(join(REPO_ROOT, source)), allowed: allowed.includes(source) }).toEqual({
        source,
        exists: true,
        allowed: true,
      });
    }
  });

  it('names the plugin id of plugin.json wherever Grafana needs it', () => {
    const ini = readIni(readRepoFile(mountOf(grafana, '/etc/grafana/grafana.ini')!.source));
    expect(ini.get('plugins')?.get('allow_loading_unsigned_plugins')?.split(',')).toContain(pluginId);
    expect([...(ini.get('navigation.app_sections')?.keys() ?? [])]).toEqual([pluginId]);
    const apps = parseYaml(readRepoFile('provisioning/plugins/apps.yaml')).apps;
    expect(apps.map((app: { type: string }) => app.type)).toEqual([pluginId]);
    expect(readRepoFile(posix.join(grafana.build!.context, grafana.build!.dockerfile!))).toContain(
      `/var/lib/grafana/plugins/${pluginId}\n`
    );
    // The README's lines for an existing Grafana are the ones the demo mounts.
    const section = ini.get('navigation.app_sections')!.get(pluginId);
    expect(docs).toMatch(new RegExp(`\\[navigation\\.app_sections\\]\\n\\s*${pluginId} = ${section}\\n`));
    expect(docs).toMatch(new RegExp(`\\[plugins\\]\\n\\s*allow_loading_unsigned_plugins = ${pluginId}\\n`));
  });

  it('enables LDAP with the mounted ldap.toml and role sync on, as the sandbox seed has it', () => {
    const ini = readIni(readRepoFile(mountOf(grafana, '/etc/grafana/grafana.ini')!.source));
    const ldapIni = ini.get('auth.ldap')!;
    expect(ldapIni.get('enabled')).toBe('true');
    expect(mountOf(grafana, ldapIni.get('config_file')!)?.source).toBe(`./${DEMO_PATHS.ldapToml}`);
    expect(ldapIni.get('skip_org_role_sync') ?? 'false').toBe('false');
    expect(generateSeed(DEFAULT_USERS, DEFAULT_ACTIVE).ldap).toMatchObject({ enabled: true, skipOrgRoleSync: false });
  });

  it('documents every variable with its default, and the port that GRAFANA_URL defaults to', () => {
    const variables = composeVariables(composeText);
    expect([...variables.keys()].sort()).toEqual([
      'GRAFANA_ADMIN_PASSWORD',
      'GRAFANA_IMAGE',
      'GRAFANA_PORT',
      'GRAFANA_VERSION',
    ]);
    for (const [name, fallback] of variables) {
      const rows = docs.split('\n').filter((line) => line.includes(`\`${name}\``) && line.includes(`\`${fallback}\``));
      expect({ name, fallback, documented: rows.length > 0 }).toEqual({ name, fallback, documented: true });
    }
    expect(grafana.ports).toEqual([`${variables.get('GRAFANA_PORT')}:3000`]);
    const url = `http://localhost:${variables.get('GRAFANA_PORT')}`;
    expect(docs).toContain(url);
    expect(readRepoFile('playwright.grafana.config.ts')).toContain(`process.env.GRAFANA_URL ?? '${url}'`);
    // The Dockerfile's own default is the compose file's, and the e2e specs default to the same admin password.
    expect(readRepoFile('provisioning/grafana/Dockerfile')).toContain(
      `ARG GRAFANA_VERSION=${variables.get('GRAFANA_VERSION')}\n`
    );
    expect(readRepoFile('tests/grafana/helpers.ts')).toContain(
      `process.env.GRAFANA_ADMIN_PASSWORD ?? '${variables.get('GRAFANA_ADMIN_PASSWORD')}'`
    );
    expect(grafana.environment?.GF_SECURITY_ADMIN_PASSWORD).toBe(demoSetupService.environment?.GRAFANA_ADMIN_PASSWORD);
  });

  it('starts Grafana once LDAP answers, and the demo setup once Grafana does', () => {
    expect(ldap.healthcheck?.test).toBeDefined();
    expect(grafana.healthcheck?.test).toBeDefined();
    expect(grafana.depends_on).toEqual({ ldap: { condition: 'service_healthy' } });
    expect(demoSetupService.depends_on).toEqual({ grafana: { condition: 'service_healthy' } });
    expect(demoSetupService.environment?.GRAFANA_URL).toBe('http://grafana:3000');
  });

  it('serves the LDIF from an LDAP server that ldap.toml reaches and binds to', () => {
    const env = ldap.environment!;
    const baseDn = env.LDAP_DOMAIN.split('.')
      .map((part) => `dc=${part}`)
      .join(',');
    expect(ldap.networks?.default?.aliases).toContain(server.host);
    expect(server.port).toBe(389);
    expect(server.bindDn).toBe(`cn=admin,${baseDn}`);
    expect(server.bindPassword).toBe(env.LDAP_ADMIN_PASSWORD);
    for (const dn of [...server.searchBaseDns, ...server.groupSearchBaseDns]) {
      expect(dn.endsWith(`,${baseDn}`)).toBe(true);
    }
    expect(ldap.command).toBe('--copy-service');
    const seeded = (ldap.volumes ?? []).map(splitVolume).find((v) => v.source === `./${DEMO_PATHS.ldif}`);
    expect(dirname(seeded!.target)).toBe('/container/service/slapd/assets/config/bootstrap/ldif/custom');
    // osixia/openldap switches to ldapmodify for a file that mentions change records anywhere.
    expect(readRepoFile(DEMO_PATHS.ldif)).not.toMatch(/changetype/i);
    expect(JSON.stringify(ldap.healthcheck?.test)).toContain(`-w ${env.LDAP_ADMIN_PASSWORD}`);
  });
});

describe('ldap.toml, the LDIF and the demo setup', () => {
  it('maps only groups of the LDIF, into orgs the demo setup creates', () => {
    const groups = ldif.filter((e) => values(e, 'objectClass').includes('groupOfNames')).map((e) => e.dn);
    const orgIds = setup.orgs.map((org) => org.id);
    for (const mapping of server.groupMappings) {
      expect(mapping.groupDn === '*' || groups.includes(mapping.groupDn)).toBe(true);
      expect(orgIds).toContain(mapping.orgId);
    }
    expect(setup.orgs[0]).toEqual({ id: 1, name: 'Main Org.' });
  });

  it('agrees with the sandbox’s named users: LDAP people, local users, the org with a sole Admin', () => {
    const byLogin = new Map(NAMED_USERS.map((user) => [user.login, user]));
    for (const user of NAMED_USERS.filter((u) => u.authModule === 'ldap')) {
      const person = people.find((p) => p.login === user.login);
      expect({ login: user.login, name: person?.name, email: person?.email, password: person?.password }).toEqual({
        login: user.login,
        name: user.name,
        email: user.email,
        password: user.password,
      });
    }
    for (const local of setup.localUsers) {
      expect(byLogin.get(local.login)).toMatchObject({ authModule: '', name: local.name, email: local.email });
      expect(byLogin.get(local.login)?.orgs).toContainEqual({ orgId: 1, role: local.orgRole });
    }
    for (const org of setup.orgs.filter((o) => o.soleAdmin)) {
      const admins = NAMED_USERS.filter((u) => u.orgs.some((m) => m.orgId === org.id && m.role === 'Admin'));
      expect(admins.map((u) => u.login)).toEqual([org.soleAdmin]);
      expect(server.groupMappings.some((m) => m.orgId === org.id)).toBe(false);
    }
    for (const { login } of setup.sessions) {
      expect(setup.localUsers.some((u) => u.login === login) || people.some((p) => p.login === login)).toBe(true);
    }
  });
});

describe('the README’s demo logins', () => {
  const tables = README_FILES.map((file) => ({ file, logins: promisedLogins(readRepoFile(file)) })).filter(
    (t) => t.logins.length > 0
  );
  const orgName = new Map(setup.orgs.map((org) => [org.id, org.name]));

  it('are in a table', () => {
    expect(tables.length).toBeGreaterThan(0);
  });

  it.each(tables)(
    'in $file list every LDAP person with groups, password and the roles the mappings give',
    ({ logins }) => {
      for (const person of people) {
        const row = logins.find((r) => r.login === person.login);
        const groupNames = person.groups.map((dn) => /^cn=([^,]+)/i.exec(dn)![1]);
        const roles = [...mappedRoles(server.groupMappings, person.groups)].map(([id, role]) => [
          orgName.get(id),
          role,
        ]);
        expect({ login: person.login, password: row?.password, groups: row?.groups.sort(), roles: row?.roles }).toEqual(
          {
            login: person.login,
            password: person.password,
            groups: groupNames.sort(),
            roles: new Map(roles as Array<[string, string]>),
          }
        );
      }
    }
  );

  it.each(tables)('in $file give the local users’ and the admin’s passwords', ({ logins }) => {
    for (const local of setup.localUsers) {
      expect(logins.find((r) => r.login === local.login)).toMatchObject({ password: local.password, roles: null });
    }
    expect(logins.find((r) => r.login === 'admin')).toMatchObject({
      password: composeVariables(composeText).get('GRAFANA_ADMIN_PASSWORD'),
      roles: null,
    });
  });
});

describe('the browser journeys', () => {
  it('run against real Grafana with their own config, apart from the sandbox journeys', () => {
    const scripts = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts['e2e:grafana']).toBe('playwright test -c playwright.grafana.config.ts');
    expect(readRepoFile('playwright.grafana.config.ts')).toContain(`testDir: './tests/grafana'`);
    expect(readRepoFile('playwright.config.ts')).toContain(`testDir: './tests/e2e'`);
  });
});
