import React, { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Drawer,
  Field,
  LoadingPlaceholder,
  RadioButtonGroup,
  Stack,
  Switch,
} from '@grafana/ui';

import { LdapUserMapping, OrgMembership, OrgRole, UserProfile, UserSummary } from '../api/types';
import { Outcome } from '../hooks/outcomes';
import { MappingState } from '../hooks/useLdap';
import { useSoleAdminOrgs } from '../hooks/useSoleAdminOrgs';
import { useUserProfile } from '../hooks/useUserProfile';
import { explainError } from '../model/explain';
import { groupName } from '../model/ldap';
import {
  changedOrgRoles,
  editableRoles,
  isDemotion,
  RoleEdit,
  roleLock,
  roleWarnings,
  ServerAdminCount,
} from '../model/roles';
import { plural, whyNoSignOutEverywhere } from '../model/sessions';
import { OutcomeAlert } from './OutcomeList';
import { UserLdap } from './UserCells';

interface Props {
  user: UserSummary;
  sessionCount: number;
  viewerId: number;
  serverAdmins: ServerAdminCount;
  /** Set for LDAP users while LDAP is on. */
  ldap?: UserLdap;
  onSave: (user: UserSummary, orgs: OrgMembership[], edit: RoleEdit, signOutAfter: boolean) => Promise<Outcome>;
  onClose: () => void;
}

export function RoleEditor({ user, ldap, ...rest }: Props) {
  const { profile, orgs, error } = useUserProfile(user.id);
  return (
    <Drawer title={`Roles of ${user.login}`} subtitle={user.name || undefined} onClose={rest.onClose} size="md">
      {error ? (
        <Alert severity="error" title="Could not read this user from Grafana">
          {explainError(error).grafanaSaid}. {explainError(error).next}
        </Alert>
      ) : !profile || !orgs ? (
        <LoadingPlaceholder text="Reading the user from Grafana…" />
      ) : (
        <RoleForm profile={profile} orgs={orgs} ldapState={ldap?.state} isLdap={Boolean(ldap)} {...rest} />
      )}
    </Drawer>
  );
}

interface FormProps extends Omit<Props, 'user' | 'ldap'> {
  profile: UserProfile;
  orgs: OrgMembership[];
  isLdap: boolean;
  ldapState?: MappingState;
}

function LdapRolesNote({
  profile,
  orgs,
  mapping,
  soleAdminOrgIds,
}: {
  profile: UserProfile;
  orgs: OrgMembership[];
  mapping?: LdapUserMapping;
  soleAdminOrgIds: number[];
}) {
  if (!profile.isExternallySynced) {
    return (
      <Alert severity="info" title="LDAP does not manage this user’s roles">
        Grafana lets you edit them (role sync is skipped, skip_org_role_sync = true), and your changes stay after the
        user’s next LDAP login.
      </Alert>
    );
  }
  if (!mapping) {
    return null;
  }
  return (
    <Alert severity="info" title="What LDAP grants now" data-testid="ldap-grants">
      {orgs.map((org) => {
        const mapped = mapping.orgRoles.find((r) => r.orgId === org.orgId);
        return (
          <div key={org.orgId}>
            {org.orgName}: {org.role} in Grafana —{' '}
            {mapped
              ? `LDAP grants ${mapped.role} through ${groupName(mapped.groupDn)}`
              : soleAdminOrgIds.includes(org.orgId)
                ? `no LDAP mapping covers this org: LDAP login keeps the membership only while ${profile.login} is its last Admin`
                : 'no LDAP mapping covers this org (the next login removes the membership)'}
          </div>
        );
      })}
      {mapping.isGrafanaAdmin !== null && <div>Server admin: LDAP sets {mapping.isGrafanaAdmin ? 'yes' : 'no'}.</div>}
      <div>Grafana re-applies these at every LDAP login, and “Apply LDAP now” applies them at once.</div>
    </Alert>
  );
}

function RoleForm({
  profile,
  orgs,
  sessionCount,
  viewerId,
  serverAdmins,
  isLdap,
  ldapState,
  onSave,
  onClose,
}: FormProps) {
  const lock = roleLock(profile);
  const [edit, setEdit] = useState<RoleEdit>(() => ({
    roles: Object.fromEntries(orgs.map((o) => [o.orgId, o.role as OrgRole])),
    isServerAdmin: profile.isServerAdmin,
  }));
  const changes = useMemo(() => changedOrgRoles(orgs, edit), [orgs, edit]);
  const adminOrgIds = useMemo(() => orgs.filter((o) => o.role === 'Admin').map((o) => o.orgId), [orgs]);
  const soleAdminOrgIds = useSoleAdminOrgs(profile.id, adminOrgIds);
  const mapping = ldapState?.mapping;
  const warnings = roleWarnings({
    profile,
    orgs,
    edit,
    serverAdmins,
    soleAdminOrgIds,
    ldapOrgIds: mapping?.orgRoles.map((r) => r.orgId),
    viewerId,
  });
  const demotion = isDemotion(changes, profile.isServerAdmin, edit.isServerAdmin);
  const signOutBlocked = whyNoSignOutEverywhere(profile, sessionCount, viewerId);
  const [signOutChoice, setSignOutChoice] = useState<boolean>();
  const signOutAfter = !signOutBlocked && (signOutChoice ?? demotion);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<Outcome>();
  const dirty = changes.length > 0 || edit.isServerAdmin !== profile.isServerAdmin;
  const roleOptions = editableRoles().map((role) => ({ label: role, value: role }));

  const save = async () => {
    setSaving(true);
    const outcome = await onSave(profile, orgs, edit, signOutAfter);
    setSaving(false);
    if (outcome.status === 'success') {
      onClose();
    } else {
      setResult(outcome);
    }
  };

  return (
    <Stack direction="column" gap={2}>
      {lock.orgRoles && (
        <Alert severity="info" title="Org roles are managed outside Grafana">
          {lock.orgRoles}
        </Alert>
      )}
      {isLdap && <LdapRolesNote profile={profile} orgs={orgs} mapping={mapping} soleAdminOrgIds={soleAdminOrgIds} />}
      {orgs.length === 0 && <Alert severity="info" title="This user belongs to no organization" />}
      {orgs.map((org) => (
        <Field
          key={org.orgId}
          label={`Role in ${org.orgName}`}
          description={[
            lock.orgRoles ? 'Read-only here: set by the login provider (see above).' : undefined,
            org.orgId === profile.orgId ? `Current org: the one ${profile.login} sees at sign-in.` : undefined,
          ]
            .filter(Boolean)
            .join(' ')}
        >
          <div role="radiogroup" aria-label={`Role in ${org.orgName}`}>
            <RadioButtonGroup
              options={roleOptions}
              value={edit.roles[org.orgId]}
              disabled={Boolean(lock.orgRoles)}
              onChange={(role) => setEdit((e) => ({ ...e, roles: { ...e.roles, [org.orgId]: role } }))}
            />
          </div>
        </Field>
      ))}
      <Field
        label="Grafana server admin"
        description={lock.serverAdmin ?? 'Server-wide: separate from every org role above.'}
      >
        <Switch
          value={edit.isServerAdmin}
          disabled={Boolean(lock.serverAdmin)}
          aria-label="Grafana server admin"
          onChange={(e) => {
            const isServerAdmin = e.currentTarget.checked;
            setEdit((current) => ({ ...current, isServerAdmin }));
          }}
        />
      </Field>
      {lock.orgRoles && lock.serverAdmin ? null : (
        <Checkbox
          value={signOutAfter}
          disabled={Boolean(signOutBlocked)}
          label={`Sign ${profile.login} out everywhere after saving (${plural(sessionCount, 'session')})`}
          description={
            signOutBlocked ??
            'Grafana applies role changes at the user’s next request; ending the sessions makes every browser sign in again and reload with the new role. If a role change is refused, no session is touched.'
          }
          onChange={(e) => setSignOutChoice(e.currentTarget.checked)}
        />
      )}
      {warnings.map((warning) => (
        <Alert
          key={warning.text}
          severity="warning"
          title={warning.refused ? 'Grafana will refuse this' : 'Before you save'}
        >
          {warning.text}
        </Alert>
      ))}
      {result && (
        <div ref={(node) => node?.focus()} tabIndex={-1} aria-live="assertive">
          <OutcomeAlert outcome={result} />
        </div>
      )}
      <Stack gap={1}>
        <Button
          onClick={save}
          disabled={!dirty || saving || warnings.some((w) => w.refused)}
          variant={demotion ? 'destructive' : 'primary'}
        >
          {saving ? 'Saving…' : signOutAfter ? 'Change role and sign out' : 'Save'}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {result ? 'Close' : 'Cancel'}
        </Button>
      </Stack>
    </Stack>
  );
}
