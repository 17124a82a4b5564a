/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { syncFlags } from './authModules';
import { mapGroups } from './ldap';
import { loadSeedFile, parseSeed, SeedError } from './seed';
import { DEFAULT_SEED, smallLdapSeed, STAFF_GROUP } from './testSupport';

function problemsOf(raw: unknown): string[] {
  try {
    parseSeed(raw);
  } catch (error) {
    if (error instanceof SeedError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error('the seed was accepted');
}

describe('the "ldap" seed object', () => {
  it('fills in the defaults: port 389, server available, org 1, passwords from the Grafana user', () => {
    const { ldap } = parseSeed(
      smallLdapSeed({
        servers: [{ host: 'ldap.example.com' }],
        mappings: [{ groupDn: STAFF_GROUP, grafanaAdmin: true }],
        directory: [{ login: 'dana' }, { login: 'nina', email: 'nina@example.com' }],
      })
    );
    expect(ldap).toEqual({
      enabled: true,
      skipOrgRoleSync: false,
      adminUser: 'admin',
      servers: [{ host: 'ldap.example.com', port: 389, available: true, error: '' }],
      mappings: [{ groupDn: STAFF_GROUP, orgId: 1, orgRole: null, grafanaAdmin: true }],
      directory: [
        { login: 'dana', name: '', email: 'dana@example.com', password: 'dana', groups: [] },
        { login: 'nina', name: '', email: 'nina@example.com', password: 'nina', groups: [] },
      ],
    });
  });

  it('names every problem', () => {
    const problems = problemsOf(
      smallLdapSeed({
        enabled: undefined,
        servers: [{ port: 0 }],
        mappings: [
          { groupDn: STAFF_GROUP },
          { groupDn: STAFF_GROUP, orgRole: 'viewer' },
          { groupDn: '', orgId: 9, orgRole: 'Viewer' },
          { groupDn: '*', orgRole: 'Editor', team: 'x' },
        ],
        directory: [{ login: 'dana', groups: [7] }, { login: 'DANA' }],
      })
    );
    expect(problems).toEqual([
      'ldap: "enabled" is required (true or false)',
      'ldap.servers[0]: "host" is required',
      'ldap.servers[0]: "port" must be a positive integer (got 0)',
      'ldap.mappings[0]: "orgRole" or "grafanaAdmin" is required (Grafana refuses a group mapping with neither)',
      'ldap.mappings[1]: "orgRole" must be one of Admin, Editor, Viewer (got "viewer")',
      'ldap.mappings[2]: "groupDn" must not be empty ("*" matches everyone)',
      'ldap.mappings[2]: "orgId" must be the id of a seeded org (got 9)',
      expect.stringMatching(/^ldap.mappings\[3\]: "team" is not a seed field/),
      'ldap.directory[0] (dana): "groups" must hold group DNs as strings (item 0 is 7)',
      'ldap: duplicate directory login "DANA"',
    ]);
  });

  it('refuses LDAP enabled without a server, and a default org 1 that the seed lacks', () => {
    expect(problemsOf(smallLdapSeed({ servers: [] }))).toEqual([
      'ldap: "servers" must list at least one server while LDAP is enabled (Grafana refuses such an ldap.toml)',
    ]);
    expect(problemsOf(smallLdapSeed({}, { orgs: [{ id: 2, name: 'Ops' }], users: [] }))).toContain(
      'ldap.mappings[0]: "orgId" must be the id of a seeded org (got 1, the default)'
    );
  });
});

describe('LDAP in the default seed', () => {
  const seed = loadSeedFile(DEFAULT_SEED);
  const ldapUsers = seed.users.filter((u) => u.authModule === 'ldap');
  const entryOf = (login: string) => seed.ldap.directory.find((e) => e.login === login);

  it('is enabled with role sync, one reachable server and "*" as the last mapping', () => {
    expect(seed.ldap).toMatchObject({
      enabled: true,
      skipOrgRoleSync: false,
      servers: [{ host: 'ldap.example.com', port: 389, available: true }],
    });
    expect(seed.ldap.mappings.at(-1)).toEqual({ groupDn: '*', orgId: 1, orgRole: 'Viewer', grafanaAdmin: null });
    expect(ldapUsers.every((u) => syncFlags(u, seed.ldap).isGrafanaAdminExternallySynced)).toBe(true);
  });

  it('has a directory entry for every LDAP user, mapping each to the roles they hold but hank and dave', () => {
    const differing = ldapUsers.filter((user) => {
      const entry = entryOf(user.login);
      const mapped = [...mapGroups(seed.ldap.mappings, entry!.groups).orgRoles].map(([id, role]) => `${id}:${role}`);
      return (
        mapped.sort().join() !==
        user.orgs
          .map((m) => `${m.orgId}:${m.role}`)
          .sort()
          .join()
      );
    });
    expect(ldapUsers.every((u) => entryOf(u.login)?.password === u.password)).toBe(true);
    expect(differing.map((u) => u.login)).toEqual(['dave', 'hank']);
  });

  it('makes dave the only Admin of Sandbox, an org no mapping covers', () => {
    const sandboxAdmins = seed.users.filter((u) => u.orgs.some((m) => m.orgId === 4 && m.role === 'Admin'));
    expect(sandboxAdmins.map((u) => u.login)).toEqual(['dave']);
    expect(seed.ldap.mappings.some((m) => m.orgId === 4)).toBe(false);
  });
});
