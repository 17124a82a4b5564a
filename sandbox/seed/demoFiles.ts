import { readFileSync } from 'fs';
import { join } from 'path';

import { firstValue, LdifEntry, parseLdif, values } from './ldif';
import { LdapServerConfig, parseLdapToml } from './ldapToml';

/**
 * The demo's data as the real stack gets it (provisioning/): the LDAP directory, Grafana's ldap.toml, and the orgs,
 * local users and sessions that the demo setup creates. The sandbox's default seed is made from the same files.
 */

export const REPO_ROOT = join(__dirname, '..', '..');
export const DEMO_PATHS = {
  ldif: 'provisioning/ldap/demo.ldif',
  ldapToml: 'provisioning/ldap/ldap.toml',
  setup: 'provisioning/demo/setup.json',
} as const;

export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}

export interface DemoSetup {
  orgs: Array<{ id: number; name: string; soleAdmin?: string }>;
  localUsers: Array<{ login: string; name: string; email: string; password: string; orgRole: string }>;
  sessions: Array<{ login: string; userAgent: string }>;
}

export function demoSetup(): DemoSetup {
  return JSON.parse(readRepoFile(DEMO_PATHS.setup));
}

/** The single LDAP server of ldap.toml: the sandbox emulates one server's mappings. */
export function demoLdapServer(): LdapServerConfig {
  const servers = parseLdapToml(readRepoFile(DEMO_PATHS.ldapToml));
  if (servers.length !== 1) {
    throw new Error(`${DEMO_PATHS.ldapToml}: expected one [[servers]] block, found ${servers.length}`);
  }
  return servers[0];
}

export function demoLdif(): LdifEntry[] {
  return parseLdif(readRepoFile(DEMO_PATHS.ldif));
}

export interface DemoPerson {
  dn: string;
  login: string;
  /** Grafana's full name: the name attribute, a space, the surname attribute. */
  name: string;
  email: string;
  password: string;
  /** DNs of the groups whose `member` lists this person, in file order. */
  groups: string[];
}

const isUnder = (dn: string, bases: string[]) =>
  bases.some((base) => dn.toLowerCase() === base.toLowerCase() || dn.toLowerCase().endsWith(`,${base.toLowerCase()}`));

/**
 * The people under search_base_dns, with the groupOfNames entries under group_search_base_dns that list them as a
 * member: what ldap.toml's group_search_filter asks for (scripts/check-ldap-demo.sh asks a real slapd the same).
 */
export function demoPeople(entries: LdifEntry[], server: LdapServerConfig): DemoPerson[] {
  const groups = entries.filter(
    (e) =>
      isUnder(e.dn, server.groupSearchBaseDns) &&
      values(e, 'objectClass').some((oc) => oc.toLowerCase() === 'groupofnames')
  );
  const { username, name, surname, email } = server.attributes;
  return entries
    .filter((e) => isUnder(e.dn, server.searchBaseDns) && firstValue(e, username) !== '')
    .map((e) => ({
      dn: e.dn,
      login: firstValue(e, username),
      name: `${firstValue(e, name)} ${firstValue(e, surname)}`.trim(),
      email: firstValue(e, email),
      password: firstValue(e, 'userPassword'),
      groups: groups
        .filter((g) => values(g, 'member').some((member) => member.toLowerCase() === e.dn.toLowerCase()))
        .map((g) => g.dn),
    }));
}

/** A row of the README's demo logins table. */
export interface PromisedLogin {
  login: string;
  password: string;
  /** Group names (cn) in backticks in the "LDAP groups" column. */
  groups: string[];
  /** "Main Org.: Admin, Ops: Viewer" as org name → role; null for a "—" (a local user). */
  roles: Map<string, string> | null;
}

/** The columns of the demo logins table, in order. */
export const LOGINS_TABLE_COLUMNS = ['Login', 'Password', 'LDAP groups', 'Roles LDAP maps to', 'Why it is there'];

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

/** Reads the demo logins table (LOGINS_TABLE_COLUMNS) of a Markdown file; [] when the file has none. */
export function promisedLogins(markdown: string): PromisedLogin[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => cellsOf(line).join('|') === LOGINS_TABLE_COLUMNS.join('|'));
  if (start < 0) {
    return [];
  }
  const rows: PromisedLogin[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) {
      break;
    }
    const [login, password, groups, roles] = cellsOf(line);
    const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    rows.push({
      login: code(login)[0] ?? login,
      password: code(password)[0] ?? password,
      groups: code(groups),
      roles:
        roles === '—'
          ? null
          : new Map(
              roles.split(/,\s*/).map((pair) => {
                const at = pair.lastIndexOf(': ');
                return [pair.slice(0, at), pair.slice(at + 2)];
              })
            ),
    });
  }
  return rows;
}
