import React, { useState } from 'react';
import { ConfirmModal } from '@grafana/ui';

import { Session, UserSummary } from '../api/types';
import { allSessions, plural, sessionTitle } from '../model/sessions';

export type PendingAction =
  | { kind: 'revoke'; user: UserSummary; session: Session }
  | { kind: 'signOut'; user: UserSummary; sessionCount: number }
  | { kind: 'applyLdap'; user: UserSummary; sessionCount: number }
  | { kind: 'revokeMany'; targets: Array<{ user: UserSummary; sessions: Session[] }> };

interface Props {
  action?: PendingAction;
  onConfirm: (action: PendingAction) => Promise<unknown>;
  onDismiss: () => void;
}

function texts(action: PendingAction) {
  if (action.kind === 'revokeMany') {
    const sessions = action.targets.reduce((n, t) => n + t.sessions.length, 0);
    const names = action.targets
      .slice(0, 5)
      .map((t) => t.user.login)
      .join(', ');
    const more = action.targets.length > 5 ? ` and ${action.targets.length - 5} more` : '';
    return {
      title: `Revoke ${plural(sessions, 'session')} of ${plural(action.targets.length, 'user')}?`,
      body: `This ends every session the filters show (${names}${more}). Your own current session is never included. Each browser is signed out at its next request.`,
      confirmText: `Revoke ${plural(sessions, 'session')}`,
    };
  }
  const who = action.user.login;
  if (action.kind === 'revoke') {
    return {
      title: `Revoke ${who}'s session?`,
      body: `This ends ${who}'s session on ${sessionTitle(action.session)}. That browser is signed out at its next request; ${who}'s other sessions stay.`,
      confirmText: 'Revoke session',
    };
  }
  if (action.kind === 'applyLdap') {
    const sessions = action.sessionCount
      ? `then ends ${allSessions(action.sessionCount)} of ${who}, so the next login reads LDAP again`
      : `${who} has no sessions to end`;
    return {
      title: `Apply LDAP to ${who} now?`,
      body: `Grafana sets ${who}'s org roles and server admin flag from the LDAP group mappings (as at a login) and ${sessions}. If LDAP no longer has ${who}, Grafana disables the account.`,
      confirmText: action.sessionCount ? 'Apply LDAP and sign out' : 'Apply LDAP',
    };
  }
  return {
    title: `Sign ${who} out everywhere?`,
    body: `This ends ${allSessions(action.sessionCount)} of ${who}. Every browser of ${who} is signed out at its next request and must sign in again.`,
    confirmText: `End ${plural(action.sessionCount, 'session')} of ${who}`,
  };
}

/** The one confirmation for destructive actions; it names the user and how many sessions end. */
export function ConfirmAction({ action, onConfirm, onDismiss }: Props) {
  const [busy, setBusy] = useState(false);
  if (!action) {
    return null;
  }
  const { title, body, confirmText } = texts(action);
  return (
    <ConfirmModal
      isOpen
      title={title}
      body={body}
      confirmText={busy ? 'Working…' : confirmText}
      confirmButtonVariant="destructive"
      onDismiss={onDismiss}
      onConfirm={async () => {
        setBusy(true);
        try {
          await onConfirm(action);
        } finally {
          setBusy(false);
          onDismiss();
        }
      }}
    />
  );
}
