/**
 * The TypeScript half of scripts/check-ldap-demo.sh (which installs slapd, starts and stops it):
 *   tsx scripts/ldap-demo.ts prepare DIR   writes DIR/slapd.conf, DIR/base.ldif and DIR/ldap.env for a slapd that
 *                                          holds what the compose file's ldap service holds
 *   tsx scripts/ldap-demo.ts check URL     runs ldap.toml's searches against URL with ldapsearch for every demo
 *                                          login of the README and checks groups, password and mapped roles
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import { readCompose } from '../sandbox/seed/composeFile';
import {
  demoLdapServer,
  demoLdif,
  demoPeople,
  demoSetup,
  PromisedLogin,
  promisedLogins,
  readRepoFile,
  REPO_ROOT,
} from '../sandbox/seed/demoFiles';
import { firstValue, LdifEntry, parseLdif } from '../sandbox/seed/ldif';
import { LdapServerConfig, mappedRoles } from '../sandbox/seed/ldapToml';

/** The README holds the demo logins table. */
export const README_FILES = ['README.md'];

/** What osixia/openldap makes of the ldap service's environment: base DN, organisation, admin DN and password. */
function composeDirectory() {
  const env = readCompose().services.ldap?.environment ?? {};
  const domain = env.LDAP_DOMAIN;
  if (!domain || !env.LDAP_ADMIN_PASSWORD) {
    throw new Error('docker-compose.yaml: the ldap service sets no LDAP_DOMAIN or LDAP_ADMIN_PASSWORD');
  }
  const baseDn = domain
    .split('.')
    .map((part) => `dc=${part}`)
    .join(',');
  return {
    baseDn,
    dc: domain.split('.')[0],
    organisation: env.LDAP_ORGANISATION ?? domain,
    adminDn: `cn=admin,${baseDn}`,
    adminPassword: env.LDAP_ADMIN_PASSWORD,
  };
}

function prepare(dir: string) {
  const directory = composeDirectory();
  mkdirSync(join(dir, 'db'), { recursive: true });
  const schema = ['core', 'cosine', 'inetorgperson'].map((name) => `include /etc/ldap/schema/${name}.schema`);
  writeFileSync(
    join(dir, 'slapd.conf'),
    [
      ...schema,
      `pidfile ${join(dir, 'slapd.pid')}`,
      `argsfile ${join(dir, 'slapd.args')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'database mdb',
      'maxsize 67108864',
      `suffix "${directory.baseDn}"`,
      `rootdn "${directory.adminDn}"`,
      `rootpw ${directory.adminPassword}`,
      `directory ${join(dir, 'db')}`,
      '',
    ].join('\n')
  );
  // The base entry the image creates from LDAP_DOMAIN and LDAP_ORGANISATION before it loads the custom LDIF.
  writeFileSync(
    join(dir, 'base.ldif'),
    [
      `dn: ${directory.baseDn}`,
      'objectClass: top',
      'objectClass: dcObject',
      'objectClass: organization',
      `o: ${directory.organisation}`,
      `dc: ${directory.dc}`,
      '',
    ].join('\n')
  );
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    join(dir, 'ldap.env'),
    `LDAP_ADMIN_DN=${quote(directory.adminDn)}\nLDAP_ADMIN_PASSWORD=${quote(directory.adminPassword)}\n`
  );
}

/** go-ldap's EscapeFilter, which Grafana applies to the login and to the group filter's value. */
function escapeFilter(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return byte > 0x7f || '\\*()\0'.includes(char) ? `\\${byte.toString(16).padStart(2, '0')}` : char;
    })
    .join('');
}

class Ldap {
  constructor(
    private readonly url: string,
    private readonly server: LdapServerConfig
  ) {}

  /** ldapsearch bound as ldap.toml's bind_dn, as Grafana searches. */
  search(base: string, filter: string, attributes: string[]): LdifEntry[] {
    const { bindDn, bindPassword } = this.server;
    const args = ['-x', '-LLL', '-o', 'ldif-wrap=no', '-H', this.url, '-D', bindDn, '-w', bindPassword];
    try {
      const options = { encoding: 'utf8', stdio: 'pipe' } as const;
      return parseLdif(execFileSync('ldapsearch', [...args, '-b', base, '-s', 'sub', filter, ...attributes], options));
    } catch (error) {
      const stderr = String((error as { stderr?: string }).stderr ?? error).trim();
      throw new Error(`ldapsearch as ${bindDn} in ${base} for ${filter}: ${stderr}`);
    }
  }

  /** Grafana's user search: search_filter for the login, wrapped in "(|...)", in every search base. */
  findUser(login: string): LdifEntry[] {
    const { searchFilter, searchBaseDns, attributes: a, groupSearchFilterUserAttribute } = this.server;
    const filter = `(|${searchFilter.replace(/%s/g, escapeFilter(login))})`;
    const wanted = [a.username, a.surname, a.email, a.name, a.memberOf, groupSearchFilterUserAttribute].filter(Boolean);
    return searchBaseDns.flatMap((base) => this.search(base, filter, wanted));
  }

  /** Grafana's requestMemberOf: group_search_filter with the user's attribute, each group's member_of attribute. */
  groupsOf(user: LdifEntry): string[] {
    const { groupSearchFilter, groupSearchFilterUserAttribute, groupSearchBaseDns, searchBaseDns, attributes } =
      this.server;
    const value = firstValue(user, groupSearchFilterUserAttribute || attributes.username);
    const filter = groupSearchFilter.replace(/%s/g, escapeFilter(value));
    const groupId = !attributes.memberOf || attributes.memberOf === 'memberOf' ? 'dn' : attributes.memberOf;
    const bases = groupSearchBaseDns.length > 0 ? groupSearchBaseDns : searchBaseDns;
    return bases.flatMap((base) => this.search(base, filter, [groupId]).map((group) => firstValue(group, groupId)));
  }

  /** The user's own bind, as Grafana checks the password: the exit status of ldapwhoami (49: invalid credentials). */
  bindStatus(dn: string, password: string): number {
    try {
      execFileSync('ldapwhoami', ['-x', '-H', this.url, '-D', dn, '-w', password], { stdio: 'pipe' });
      return 0;
    } catch (error) {
      return (error as { status?: number }).status ?? -1;
    }
  }
}

function readmeTables(): Array<{ file: string; logins: PromisedLogin[] }> {
  return README_FILES.filter((file) => existsSync(join(REPO_ROOT, file)))
    .map((file) => ({ file, logins: promisedLogins(readRepoFile(file)) }))
    .filter((table) => table.logins.length > 0);
}

function check(url: string) {
  const server = demoLdapServer();
  const ldap = new Ldap(url, server);
  const people = demoPeople(demoLdif(), server);
  const orgNames = new Map(demoSetup().orgs.map((org) => [org.id, org.name]));
  const tables = readmeTables();
  const failures: string[] = [];
  if (tables.length === 0) {
    failures.push(`no demo logins table in ${README_FILES.join(' or ')}`);
  }
  let checked = 0;
  for (const { file, logins } of tables) {
    const ldapRows = logins.filter((row) => row.roles !== null);
    const listed = new Set(ldapRows.map((row) => row.login));
    for (const person of people.filter((p) => !listed.has(p.login))) {
      failures.push(`${file}: the demo logins table does not list ${person.login}, who is in the LDIF`);
    }
    for (const row of ldapRows) {
      let problems: string[];
      try {
        problems = checkLogin(ldap, server, row, orgNames);
      } catch (error) {
        problems = [error instanceof Error ? error.message : String(error)];
      }
      failures.push(...problems.map((problem) => `${file}: ${row.login}: ${problem}`));
      console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${row.login}: ${describe(row)}`);
      checked++;
    }
  }
  if (failures.length > 0) {
    console.error(`\n${failures.join('\n')}`);
    process.exit(1);
  }
  console.log(`${checked} demo logins match ldap.toml's searches against slapd`);
}

function checkLogin(ldap: Ldap, server: LdapServerConfig, row: PromisedLogin, orgNames: Map<number, string>) {
  const problems: string[] = [];
  const found = ldap.findUser(row.login);
  if (found.length !== 1) {
    return [`the user search finds ${found.length} entries, not 1`];
  }
  const [user] = found;
  if (firstValue(user, server.attributes.username) !== row.login) {
    problems.push(`the username attribute is ${JSON.stringify(firstValue(user, server.attributes.username))}`);
  }
  const email = firstValue(user, server.attributes.email);
  const byEmail = email ? ldap.findUser(email) : [];
  if (byEmail.length !== 1 || byEmail[0].dn !== user.dn) {
    problems.push(`signing in with the email address ${JSON.stringify(email)} finds another result`);
  }
  const groups = ldap.groupsOf(user);
  const groupNames = groups.map((dn) => /^cn=([^,]+)/i.exec(dn)?.[1] ?? dn).sort();
  if (groupNames.join() !== [...row.groups].sort().join()) {
    problems.push(`LDAP groups are ${groupNames.join(', ') || 'none'}, the table says ${row.groups.join(', ')}`);
  }
  const roles = [...mappedRoles(server.groupMappings, groups)].map(([id, role]) => [
    orgNames.get(id) ?? `org ${id}`,
    role,
  ]);
  const promised = [...(row.roles ?? [])];
  const text = (pairs: string[][]) =>
    pairs
      .map(([org, role]) => `${org}: ${role}`)
      .sort()
      .join(', ');
  if (text(roles) !== text(promised)) {
    problems.push(`the mappings give ${text(roles) || 'no role'}, the table says ${text(promised)}`);
  }
  const bind = ldap.bindStatus(user.dn, row.password);
  if (bind !== 0) {
    problems.push(`binding with the table's password fails (ldapwhoami exit ${bind})`);
  }
  const wrong = ldap.bindStatus(user.dn, `${row.password}-wrong`);
  if (wrong !== 49) {
    problems.push(`binding with a wrong password gives exit ${wrong}, not 49 (invalid credentials)`);
  }
  return problems;
}

function describe(row: PromisedLogin): string {
  const roles = [...(row.roles ?? [])].map(([org, role]) => `${org}: ${role}`).join(', ');
  return `${row.groups.join(', ')} → ${roles}`;
}

const [command, arg] = process.argv.slice(2);
if (command === 'prepare' && arg) {
  prepare(arg);
} else if (command === 'check' && arg) {
  check(arg);
} else {
  console.error('usage: tsx scripts/ldap-demo.ts prepare DIR | check LDAP_URL');
  process.exit(2);
}
