import { parseLdapUser } from '../api/parse';
import { ldapUserJson } from '../test/ldapJson';
import { describeDrift, ldapDrift, soleAdminOfUnmappedOrgs, soleAdminOrgs } from './ldap';
import { roleWarnings } from './roles';

const MAIN = { orgId: 1, orgName: 'Main Org.' };
const mapping = (...args: Parameters<typeof ldapUserJson>) => parseLdapUser(ldapUserJson(...args));

describe('LDAP drift', () => {
  it('reads the LDAP user mapping: org roles with their group, other groups apart', () => {
    const parsed = mapping(
      'dana',
      [{ orgId: 1, orgName: 'Main Org.', orgRole: 'Editor', groupDN: 'cn=editors,dc=example,dc=com' }],
      {
        otherGroups: ['cn=vpn-users,dc=example,dc=com'],
      }
    );
    expect(parsed).toMatchObject({
      login: 'dana',
      isGrafanaAdmin: false,
      orgRoles: [{ orgId: 1, orgName: 'Main Org.', role: 'Editor', groupDn: 'cn=editors,dc=example,dc=com' }],
      otherGroups: ['cn=vpn-users,dc=example,dc=com'],
    });
  });

  it('finds no drift when Grafana holds what LDAP maps (field case 2, after a re-login)', () => {
    const ldap = mapping('bob', [{ ...MAIN, orgRole: 'Viewer', groupDN: 'cn=staff,dc=example,dc=com' }]);
    expect(ldapDrift([{ ...MAIN, role: 'Viewer' }], false, ldap)).toEqual([]);
  });

  it('marks a manual Admin that a wildcard mapping will reset to Viewer (field case 3)', () => {
    const ldap = mapping('carol', [{ orgId: 4, orgName: 'Monitor', orgRole: 'Viewer', groupDN: '*' }], {
      isGrafanaAdmin: null,
    });
    const drift = ldapDrift([{ orgId: 4, orgName: 'Monitor', role: 'Admin' }], true, ldap);
    expect(drift).toEqual([
      { kind: 'role', orgId: 4, orgName: 'Monitor', grafana: 'Admin', ldap: 'Viewer', groupDn: '*' },
    ]);
    expect(describeDrift(drift[0])).toBe('Monitor: Admin in Grafana, LDAP maps Viewer (the catch-all mapping "*")');
  });

  it('marks a server admin flag that LDAP will clear, only when LDAP manages the flag', () => {
    const managed = mapping('dana', [{ ...MAIN, orgRole: 'Admin', groupDN: 'cn=admins' }], { isGrafanaAdmin: false });
    expect(ldapDrift([{ ...MAIN, role: 'Admin' }], true, managed)).toEqual([
      { kind: 'serverAdmin', grafana: true, ldap: false },
    ]);
    const unmanaged = mapping('dana', [{ ...MAIN, orgRole: 'Admin', groupDN: 'cn=admins' }], { isGrafanaAdmin: null });
    expect(ldapDrift([{ ...MAIN, role: 'Admin' }], true, unmanaged)).toEqual([]);
  });

  it('marks memberships LDAP would remove and add', () => {
    const ldap = mapping('dave', [{ orgId: 2, orgName: 'Ops', orgRole: 'Viewer', groupDN: 'cn=ops' }]);
    const drift = ldapDrift([{ orgId: 3, orgName: 'Sandbox', role: 'Admin' }], false, ldap);
    expect(drift.map((d) => d.kind).sort()).toEqual(['added', 'removed']);
  });

  it('keeps memberships when the mapping yields no org roles (Grafana skips org sync then)', () => {
    const ldap = mapping('frank', [], { isGrafanaAdmin: null });
    expect(ldapDrift([{ ...MAIN, role: 'Viewer' }], false, ldap)).toEqual([]);
  });

  it('says a user no mapping matches will be refused at the next login', () => {
    const ldap = mapping('ned', [], { isDisabled: true });
    expect(ldapDrift([{ ...MAIN, role: 'Viewer' }], false, ldap)).toEqual([{ kind: 'denied' }]);
  });
});

describe('sole admin of an org no mapping covers (field case 4)', () => {
  const members = new Map([
    [
      1,
      [
        { userId: 9, login: 'dave', role: 'Viewer' },
        { userId: 1, login: 'admin', role: 'Admin' },
      ],
    ],
    [
      3,
      [
        { userId: 9, login: 'dave', role: 'Admin' },
        { userId: 5, login: 'erin', role: 'Viewer' },
      ],
    ],
  ]);
  const orgs = [
    { ...MAIN, role: 'Viewer' },
    { orgId: 3, orgName: 'Sandbox', role: 'Admin' },
  ];
  const ldap = mapping('dave', [{ ...MAIN, orgRole: 'Viewer', groupDN: 'cn=staff' }]);

  it('finds Sandbox, where dave is the only Admin and LDAP maps nothing', () => {
    const sole = soleAdminOrgs(9, members);
    expect(sole).toEqual([3]);
    expect(soleAdminOfUnmappedOrgs(orgs, ldap, sole).map((o) => o.orgName)).toEqual(['Sandbox']);
  });

  it('warns before a demotion that would leave Sandbox without an Admin, and about the next LDAP login', () => {
    const profile = {
      id: 9,
      login: 'dave',
      name: 'Dave',
      email: '',
      isServerAdmin: false,
      isDisabled: false,
      authLabels: ['LDAP'],
      orgId: 1,
      isExternal: true,
      isExternallySynced: false,
      isServerAdminExternallySynced: false,
    };
    const warnings = roleWarnings({
      profile,
      orgs,
      edit: { roles: { 1: 'Viewer', 3: 'Viewer' }, isServerAdmin: false },
      serverAdmins: { count: 2, complete: true },
      soleAdminOrgIds: [3],
      ldapOrgIds: [1],
    });
    expect(warnings).toEqual([
      {
        text: 'Sandbox would have no Admin left: Grafana refuses this change. Make another member Admin of Sandbox first.',
        refused: true,
      },
      {
        text: expect.stringMatching(
          /only Admin of Sandbox, which no LDAP mapping covers\. Grafana keeps that membership at LDAP login only while/
        ),
        refused: false,
      },
    ]);
  });

  const lastAdminProfile = {
    id: 1,
    login: 'admin',
    name: 'Admin',
    email: '',
    isServerAdmin: true,
    isDisabled: false,
    authLabels: [],
    orgId: 1,
    isExternal: false,
    isExternallySynced: false,
    isServerAdminExternallySynced: false,
  };

  it('warns before the last server admin loses the flag', () => {
    const warnings = roleWarnings({
      profile: lastAdminProfile,
      orgs: [],
      edit: { roles: {}, isServerAdmin: false },
      serverAdmins: { count: 1, complete: true },
      soleAdminOrgIds: [],
    });
    expect(warnings).toEqual([{ text: expect.stringMatching(/admin is the last server admin/), refused: true }]);
  });

  it('does not block removing the flag when the scan left out users, since a server admin may be among them', () => {
    const warnings = roleWarnings({
      profile: lastAdminProfile,
      orgs: [],
      edit: { roles: {}, isServerAdmin: false },
      serverAdmins: { count: 1, complete: false },
      soleAdminOrgIds: [],
    });
    expect(warnings).toEqual([
      {
        text: expect.stringMatching(/admin may be the last server admin: .*"Scan every user" at the top of the page/),
        refused: false,
      },
    ]);
  });
});
