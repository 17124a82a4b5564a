import { demoLdapServer, demoLdif, DemoPerson, demoPeople } from './demoFiles';
import { values } from './ldif';
import { GroupMapping } from './ldapToml';
import { NAMED_USERS, UserJson } from './namedUsers';

/**
 * The default seed's LDAP: the server and mappings of provisioning/ldap/ldap.toml, and the directory of
 * provisioning/ldap/demo.ldif, the files the real stack (docker-compose.yaml) runs on. Generated LDAP users, who are
 * not in the LDIF, get entries whose groups give exactly the roles they hold, plus cn=staff.
 */

export interface LdapJson {
  enabled: boolean;
  skipOrgRoleSync: boolean;
  adminUser: string;
  servers: Array<{ host: string; port: number; available: boolean; error: string }>;
  mappings: GroupMapping[];
  directory: Array<{ login: string; name: string; email: string; password?: string; groups: string[] }>;
}

/** The LDIF group generated LDAP users join: no mapping names it, so LDAP lists it as unmatched. */
const GENERATED_USERS_GROUP = 'staff';

export function ldapSeed(users: UserJson[]): LdapJson {
  const server = demoLdapServer();
  const ldif = demoLdif();
  const people = new Map(demoPeople(ldif, server).map((person) => [person.login, person]));
  const staff = ldif.find((e) => values(e, 'cn').includes(GENERATED_USERS_GROUP) && values(e, 'member').length > 0);
  if (!staff) {
    throw new Error(`the demo LDIF has no group cn=${GENERATED_USERS_GROUP} for the generated LDAP users`);
  }
  const named = new Set(NAMED_USERS.map((u) => u.login));
  const ldapUsers = users.filter((u) => u.authModule === 'ldap');
  const directory = ldapUsers.map((user) => {
    const person = people.get(user.login);
    if (person) {
      return fromLdif(person);
    }
    if (named.has(user.login)) {
      throw new Error(`named LDAP user ${user.login} has no entry in the demo LDIF`);
    }
    const groups = user.orgs.map((m) => groupGranting(server.groupMappings, m.orgId, m.role)).filter(isString);
    return { login: user.login, name: user.name, email: user.email, groups: [...groups, staff.dn] };
  });
  // People only in the directory: Grafana creates them at their first LDAP login.
  const inGrafana = new Set(ldapUsers.map((u) => u.login));
  directory.push(...[...people.values()].filter((p) => !inGrafana.has(p.login)).map(fromLdif));
  return {
    enabled: true,
    skipOrgRoleSync: false,
    adminUser: 'admin',
    servers: server.host.split(' ').map((host) => ({ host, port: server.port, available: true, error: '' })),
    mappings: server.groupMappings,
    directory,
  };
}

function fromLdif({ login, name, email, password, groups }: DemoPerson) {
  return { login, name, email, password, groups };
}

/** The group of the first mapping that gives exactly this role in this org. */
function groupGranting(mappings: GroupMapping[], orgId: number, role: string): string | undefined {
  return mappings.find((m) => m.groupDn !== '*' && m.orgId === orgId && m.orgRole === role)?.groupDn;
}

const isString = (value: string | undefined): value is string => value !== undefined;
