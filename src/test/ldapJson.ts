// Grafana's LDAP JSON (`GET /api/admin/ldap/:username`, LDAPUserDTO) for fixtures.
export interface MappedRole {
  orgId: number;
  orgName: string;
  orgRole: string;
  groupDN: string;
}

export function ldapUserJson(
  login: string,
  roles: MappedRole[],
  extra: { isGrafanaAdmin?: boolean | null; isDisabled?: boolean; otherGroups?: string[] } = {}
) {
  return {
    name: { cfgAttrValue: 'givenName', ldapValue: login[0].toUpperCase() + login.slice(1) },
    surname: { cfgAttrValue: 'sn', ldapValue: 'Example' },
    email: { cfgAttrValue: 'mail', ldapValue: `${login}@example.com` },
    login: { cfgAttrValue: 'uid', ldapValue: login },
    isGrafanaAdmin: extra.isGrafanaAdmin === undefined ? false : extra.isGrafanaAdmin,
    isDisabled: extra.isDisabled ?? false,
    roles: [...roles, ...(extra.otherGroups ?? []).map((groupDN) => ({ orgId: 0, orgName: '', orgRole: '', groupDN }))],
    teams: null,
  };
}
