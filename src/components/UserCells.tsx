import React from 'react';
import { Badge, Button, Stack } from '@grafana/ui';

import { UserEntry } from '../hooks/useInventory';
import { MappingState } from '../hooks/useLdap';
import { DestructiveAction } from './DestructiveAction';
import { LdapNote } from './LdapNote';
import { tokenlessProvider, whyNoSignOutEverywhere } from '../model/sessions';

/** LDAP context of an LDAP user, when LDAP is on. */
export interface UserLdap {
  state?: MappingState;
  onCheck: () => void;
  onApply: () => void;
}

/** What an LDAP user's buttons do: read the mapping, apply it. One object for every row. */
export interface LdapActions {
  onCheck: (login: string) => void;
  onApply: (entry: UserEntry) => void;
}

export function userLdap(entry: UserEntry, actions: LdapActions, state?: MappingState): UserLdap {
  return { state, onCheck: () => actions.onCheck(entry.user.login), onApply: () => actions.onApply(entry) };
}

interface Props {
  entry: UserEntry;
  viewerId: number;
  rowSpan: number;
  ldap?: UserLdap;
  onEditRoles: () => void;
  onSignOut: () => void;
}

export function authSource(labels: string[]): string {
  return labels.length ? labels.join(', ') : 'Local';
}

export function UserCells({ entry, viewerId, rowSpan, ldap, onEditRoles, onSignOut }: Props) {
  const { user, orgs, sessions = [] } = entry;
  const blocked = entry.sessions
    ? whyNoSignOutEverywhere(user, sessions.length, viewerId)
    : 'Sessions are still loading.';
  // Token-less users (JWT, auth proxy) have no Grafana sessions at all: no count that reads like "signed out".
  // No count where there is none to give: token-less users (JWT, auth proxy) and users whose sessions are loading.
  const signOutLabel =
    tokenlessProvider(user) || !entry.sessions ? 'Sign out everywhere' : `Sign out everywhere (${sessions.length})`;
  return (
    <>
      <th scope="rowgroup" rowSpan={rowSpan}>
        <div>{user.name || user.login}</div>
        <div>
          <code>{user.login}</code> · {authSource(user.authLabels)}
          {user.id === viewerId && ' · you'}
        </div>
        {user.isDisabled && <Badge color="orange" text="Disabled" />}
        <Stack gap={1} wrap="wrap">
          <Button
            size="sm"
            variant="secondary"
            fill="outline"
            icon="user"
            onClick={onEditRoles}
            aria-label={`Edit roles of ${user.login}`}
          >
            Edit roles
          </Button>
          <DestructiveAction
            label={`Sign ${user.login} out everywhere`}
            blocked={blocked}
            icon="signout"
            onClick={onSignOut}
          >
            {signOutLabel}
          </DestructiveAction>
          {ldap && (
            <Button
              size="sm"
              variant="secondary"
              fill="outline"
              icon="sync"
              onClick={ldap.onApply}
              aria-label={`Apply LDAP now to ${user.login} and sign out`}
            >
              Apply LDAP now
            </Button>
          )}
        </Stack>
      </th>
      <td rowSpan={rowSpan}>
        {orgs === undefined
          ? '…'
          : orgs.length === 0
            ? 'No org'
            : orgs.map((org) => (
                <div key={org.orgId}>
                  {org.orgName}: <strong>{org.role}</strong>
                </div>
              ))}
        {ldap && (
          <LdapNote
            userId={user.id}
            login={user.login}
            orgs={orgs}
            isServerAdmin={user.isServerAdmin}
            state={ldap.state}
            onCheck={ldap.onCheck}
          />
        )}
      </td>
      <td rowSpan={rowSpan}>{user.isServerAdmin ? <Badge color="purple" text="Server admin" /> : 'No'}</td>
    </>
  );
}
