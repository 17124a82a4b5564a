import { DATA_SCIENCE, MAIN, OPS, UserJson } from './namedUsers';

/** The default seed's LDAP: ldap.example.com, its group mappings, and a directory entry for every LDAP user. */

export interface LdapJson {
  enabled: boolean;
  skipOrgRoleSync: boolean;
  adminUser: string;
  servers: Array<{ host: string; port: number; available: boolean; error: string }>;
  mappings: Array<{ groupDn: string; orgId: number; orgRole: 'Admin' | 'Editor' | 'Viewer'; grafanaAdmin?: boolean }>;
  directory: Array<{ login: string; name: string; email: string; groups: string[] }>;
}

const group = (cn: string) => `cn=${cn},ou=groups,dc=example,dc=com`;
export const GROUPS = {
  admins: group('admins'),
  editors: group('editors'),
  viewers: group('viewers'),
  ops: group('ops'),
  opsViewers: group('ops-viewers'),
  dataEditors: group('data-editors'),
  dataViewers: group('data-viewers'),
  // Named by no mapping: listed as unmatched groups.
  vpnUsers: group('vpn-users'),
  staff: group('staff'),
};

/** In config order: the first match per org wins, and "*" last puts every directory user somewhere. */
const MAPPINGS: LdapJson['mappings'] = [
  { groupDn: GROUPS.admins, orgId: MAIN, orgRole: 'Admin', grafanaAdmin: false },
  { groupDn: GROUPS.editors, orgId: MAIN, orgRole: 'Editor' },
  { groupDn: GROUPS.viewers, orgId: MAIN, orgRole: 'Viewer' },
  { groupDn: GROUPS.ops, orgId: OPS, orgRole: 'Editor' },
  { groupDn: GROUPS.opsViewers, orgId: OPS, orgRole: 'Viewer' },
  { groupDn: GROUPS.dataEditors, orgId: DATA_SCIENCE, orgRole: 'Editor' },
  { groupDn: GROUPS.dataViewers, orgId: DATA_SCIENCE, orgRole: 'Viewer' },
  { groupDn: '*', orgId: MAIN, orgRole: 'Viewer' },
];

/** The named LDAP users' groups; see namedUsers.ts for what each one is for. */
const NAMED_GROUPS: Record<string, string[]> = {
  // Admin in Main Org. by mistake, but consistently so: the mistake is her LDAP group.
  dana: [GROUPS.admins, GROUPS.vpnUsers],
  carol: [GROUPS.opsViewers],
  dave: [GROUPS.viewers],
  // Editor in Main Org. in Grafana: drift that his next LDAP login corrects.
  hank: [GROUPS.viewers],
};

/** The groups that give a generated user exactly the org roles they hold. */
const ROLE_GROUPS: Record<string, string> = {
  [`${MAIN}:Admin`]: GROUPS.admins,
  [`${MAIN}:Editor`]: GROUPS.editors,
  [`${MAIN}:Viewer`]: GROUPS.viewers,
  [`${OPS}:Editor`]: GROUPS.ops,
  [`${OPS}:Viewer`]: GROUPS.opsViewers,
  [`${DATA_SCIENCE}:Editor`]: GROUPS.dataEditors,
  [`${DATA_SCIENCE}:Viewer`]: GROUPS.dataViewers,
};

export function ldapSeed(users: UserJson[]): LdapJson {
  const directory = users
    .filter((u) => u.authModule === 'ldap')
    .map((u) => ({
      login: u.login,
      name: u.name,
      email: u.email,
      groups: NAMED_GROUPS[u.login] ?? [
        ...u.orgs.map((m) => ROLE_GROUPS[`${m.orgId}:${m.role}`]).filter(Boolean),
        GROUPS.staff,
      ],
    }));
  return {
    enabled: true,
    skipOrgRoleSync: false,
    adminUser: 'admin',
    servers: [{ host: 'ldap.example.com', port: 389, available: true, error: '' }],
    mappings: MAPPINGS,
    directory,
  };
}
