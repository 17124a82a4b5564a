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

import { OrgMembership, OrgRole, UserProfile, UserSummary } from '../api/types';
import { Outcome } from '../hooks/outcomes';
import { useUserProfile } from '../hooks/useUserProfile';
import { explainError } from '../model/explain';
import { changedOrgRoles, editableRoles, isDemotion, RoleEdit, roleLock } from '../model/roles';
import { plural, whyNoSignOutEverywhere } from '../model/sessions';
import { OutcomeAlert } from './OutcomeList';

interface Props {
  user: UserSummary;
  sessionCount: number;
  viewerId: number;
  onSave: (user: UserSummary, orgs: OrgMembership[], edit: RoleEdit, signOutAfter: boolean) => Promise<Outcome>;
  onClose: () => void;
}

export function RoleEditor({ user, sessionCount, viewerId, onSave, onClose }: Props) {
  const { profile, orgs, error } = useUserProfile(user.id);
  return (
    <Drawer title={`Roles of ${user.login}`} subtitle={user.name || undefined} onClose={onClose} size="md">
      {error ? (
        <Alert severity="error" title="Could not read this user from Grafana">
          {explainError(error).grafanaSaid}. {explainError(error).next}
        </Alert>
      ) : !profile || !orgs ? (
        <LoadingPlaceholder text="Reading the user from Grafana…" />
      ) : (
        <RoleForm
          profile={profile}
          orgs={orgs}
          sessionCount={sessionCount}
          viewerId={viewerId}
          onSave={onSave}
          onClose={onClose}
        />
      )}
    </Drawer>
  );
}

interface FormProps extends Omit<Props, 'user'> {
  profile: UserProfile;
  orgs: OrgMembership[];
}

function RoleForm({ profile, orgs, sessionCount, viewerId, onSave, onClose }: FormProps) {
  const lock = roleLock(profile);
  const [edit, setEdit] = useState<RoleEdit>(() => ({
    roles: Object.fromEntries(orgs.map((o) => [o.orgId, o.role as OrgRole])),
    isServerAdmin: profile.isServerAdmin,
  }));
  const changes = useMemo(() => changedOrgRoles(orgs, edit), [orgs, edit]);
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
      {orgs.length === 0 && <Alert severity="info" title="This user belongs to no organization" />}
      {orgs.map((org) => (
        <Field
          key={org.orgId}
          label={`Role in ${org.orgName}`}
          description={org.orgId === profile.orgId ? 'The org this user is currently using.' : undefined}
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
          onChange={(e) => setEdit((current) => ({ ...current, isServerAdmin: e.currentTarget.checked }))}
        />
      </Field>
      <Checkbox
        value={signOutAfter}
        disabled={Boolean(signOutBlocked)}
        label={`Sign ${profile.login} out everywhere after saving (${plural(sessionCount, 'session')})`}
        description={
          signOutBlocked ??
          'Grafana applies role changes at the user’s next request; ending the sessions makes every browser sign in again and reload with the new role.'
        }
        onChange={(e) => setSignOutChoice(e.currentTarget.checked)}
      />
      {changes.some((c) => c.orgId !== profile.orgId) && !signOutAfter && (
        <Alert severity="info" title="Roles in other orgs">
          The change in an org the user is not using right now may show only after their permission cache expires or
          they sign in again. Signing them out applies it reliably.
        </Alert>
      )}
      {result && <OutcomeAlert outcome={result} />}
      <Stack gap={1}>
        <Button onClick={save} disabled={!dirty || saving} variant={demotion ? 'destructive' : 'primary'}>
          {saving ? 'Saving…' : signOutAfter ? 'Save and sign out' : 'Save'}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {result ? 'Close' : 'Cancel'}
        </Button>
      </Stack>
    </Stack>
  );
}
