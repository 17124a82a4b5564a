import React, { memo } from 'react';
import { Button, Text } from '@grafana/ui';

import { Session, UserSummary } from '../api/types';
import { Outcome } from '../hooks/outcomes';
import { UserEntry } from '../hooks/useInventory';
import { MappingState } from '../hooks/useLdap';
import { VisibleUser } from '../model/filter';
import { explainError } from '../model/explain';
import { tokenlessProvider } from '../model/sessions';
import { OutcomeAlert } from './OutcomeList';
import { SESSION_COLUMNS, SessionCells } from './SessionCells';
import { LdapActions, UserCells, userLdap } from './UserCells';

export const USER_COLUMNS = 3;

interface Props {
  entry: UserEntry;
  /** The sessions the filters keep (all of them when no session filter is set). */
  sessions: Session[];
  /** Shown only because the admin just acted on the user: the filters would hide it. */
  outsideFilters?: VisibleUser['outsideFilters'];
  viewerId: number;
  /** The current minute: the row renders again when it changes, so its relative times stay current. */
  minute: number;
  outcome?: Outcome;
  /** Set for an LDAP user when LDAP is on. */
  ldapActions?: LdapActions;
  /** What LDAP maps the user to, once read. */
  ldapState?: MappingState;
  /** The handlers take the user, so one handler serves every row and unchanged rows skip rendering. */
  onRetry: (userId: number) => void;
  onRevoke: (user: UserSummary, session: Session) => void;
  onSignOut: (entry: UserEntry) => void;
  onEditRoles: (entry: UserEntry) => void;
}

function NoSessionCells({ entry, onRetry }: { entry: UserEntry; onRetry: () => void }) {
  const provider = tokenlessProvider(entry.user);
  if (entry.error) {
    const { grafanaSaid, next } = explainError(entry.error);
    return (
      <td colSpan={SESSION_COLUMNS} role="alert">
        Could not load sessions ({grafanaSaid}). {next}{' '}
        <Button
          size="sm"
          variant="secondary"
          icon="sync"
          onClick={onRetry}
          aria-label={`Retry loading ${entry.user.login}'s sessions`}
        >
          Retry
        </Button>
      </td>
    );
  }
  let text = 'No active sessions';
  if (!entry.sessions) {
    text = 'Loading sessions…';
  } else if (provider) {
    text = `No Grafana sessions (token-less auth: ${provider}). Access is controlled by the ${provider === 'JWT' ? 'JWT issuer' : 'proxy'}.`;
  }
  return <td colSpan={SESSION_COLUMNS}>{text}</td>;
}

/**
 * One user's group of rows: the user's cells beside their first session, then one row per session. Rendered again
 * only when its props change: while a scan streams answers in, the rows already on screen stay as they are.
 */
export const UserRows = memo(function UserRows({
  entry,
  sessions,
  outsideFilters,
  onRetry,
  viewerId,
  outcome,
  ldapActions,
  ldapState,
  onRevoke,
  onSignOut,
  onEditRoles,
}: Props) {
  const rowSpan = Math.max(1, sessions.length);
  const ldap = ldapActions && userLdap(entry, ldapActions, ldapState);
  const userCells = (
    <UserCells
      entry={entry}
      viewerId={viewerId}
      rowSpan={rowSpan}
      ldap={ldap}
      onEditRoles={() => onEditRoles(entry)}
      onSignOut={() => onSignOut(entry)}
    />
  );
  return (
    <tbody data-testid={`user-${entry.user.login}`}>
      {sessions.length === 0 ? (
        <tr>
          {userCells}
          <NoSessionCells entry={entry} onRetry={() => onRetry(entry.user.id)} />
        </tr>
      ) : (
        sessions.map((session, index) => (
          <tr key={session.id} data-testid={`session-${session.id}`}>
            {index === 0 && userCells}
            <SessionCells
              session={session}
              userLogin={entry.user.login}
              onRevoke={(revoked) => onRevoke(entry.user, revoked)}
            />
          </tr>
        ))
      )}
      {outcome && (
        <tr>
          <td colSpan={USER_COLUMNS + SESSION_COLUMNS} className="sc-outcome">
            <div>
              {outsideFilters === 'filters' && (
                <Text element="p" color="secondary" variant="bodySmall">
                  Kept in view because you just acted on {entry.user.login}. The filters do not match this user, so
                  revoking the shown sessions and the CSV export leave {entry.user.login} out.
                </Text>
              )}
              {outsideFilters === 'no-sessions' && (
                <Text element="p" color="secondary" variant="bodySmall">
                  Kept in view because you just acted on {entry.user.login}: with no sessions left, this user is
                  otherwise listed only with “Show users without sessions” on.
                </Text>
              )}
              <OutcomeAlert outcome={outcome} />
            </div>
          </td>
        </tr>
      )}
    </tbody>
  );
});
