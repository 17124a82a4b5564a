import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Pagination, useStyles2 } from '@grafana/ui';

import { Session, UserSummary } from '../api/types';
import { Outcome } from '../hooks/outcomes';
import { UserEntry } from '../hooks/useInventory';
import { MappingState } from '../hooks/useLdap';
import { useMinuteClock } from '../hooks/useMinuteClock';
import { VisibleUser } from '../model/filter';
import { isLdapUser } from '../model/ldap';
import { LdapActions } from './UserCells';
import { UserRows } from './UserRows';

const USERS_PER_PAGE = 25;

/** The LDAP context of the rows, when LDAP is on: mappings read so far, and what the rows' LDAP buttons do. */
export interface LdapRows {
  mappings: ReadonlyMap<string, MappingState>;
  actions: LdapActions;
}

interface Props {
  rows: VisibleUser[];
  /** Called with the users on screen, so their org memberships can be read. */
  onShow: (userIds: number[]) => void;
  onRetry: (userId: number) => void;
  viewerId: number;
  latestOutcome: (userId: number) => Outcome | undefined;
  /** Undefined when LDAP is off. */
  ldap?: LdapRows;
  onRevoke: (user: UserSummary, session: Session) => void;
  onSignOut: (entry: UserEntry) => void;
  onEditRoles: (entry: UserEntry) => void;
}

const HEADERS = [
  'User',
  'Org roles',
  'Server admin',
  'Browser',
  'OS, device',
  'IP address',
  'Signed in, last seen',
  'Action',
];

export function SessionsTable({
  rows,
  onShow,
  onRetry,
  viewerId,
  latestOutcome,
  ldap,
  onRevoke,
  onSignOut,
  onEditRoles,
}: Props) {
  const styles = useStyles2(getStyles);
  const minute = useMinuteClock();
  const [requestedPage, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / USERS_PER_PAGE));
  const page = Math.min(requestedPage, pages);
  const shown = rows.slice((page - 1) * USERS_PER_PAGE, page * USERS_PER_PAGE);
  const shownIds = shown.map((r) => r.entry.user.id).join(',');
  useEffect(() => {
    if (shownIds) {
      onShow(shownIds.split(',').map(Number));
    }
  }, [shownIds, onShow]);
  const anySession = shown.some((r) => r.sessions.length > 0);
  useEffect(() => {
    if (anySession && !performance.getEntriesByName?.('sessioncontrol:first-rows').length) {
      performance.mark?.('sessioncontrol:first-rows');
    }
  }, [anySession]);

  return (
    <div className={styles.wrapper}>
      {rows.length === 0 && (
        <p className={styles.empty}>
          No user matches. Users without sessions are hidden unless “Show users without sessions” is on; the filters
          above may hide the rest.
        </p>
      )}
      <table className={styles.table} aria-label="Sessions by user">
        <thead>
          <tr>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className={h === 'Action' ? 'sc-action' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        {shown.map(({ entry, sessions, outsideFilters }) => (
          <UserRows
            key={entry.user.id}
            entry={entry}
            sessions={sessions}
            outsideFilters={outsideFilters}
            viewerId={viewerId}
            minute={minute}
            outcome={latestOutcome(entry.user.id)}
            ldapActions={ldap && isLdapUser(entry.user) ? ldap.actions : undefined}
            ldapState={ldap?.mappings.get(entry.user.login)}
            onRetry={onRetry}
            onRevoke={onRevoke}
            onSignOut={onSignOut}
            onEditRoles={onEditRoles}
          />
        ))}
      </table>
      {pages > 1 && (
        <div className={styles.pagination}>
          <Pagination currentPage={page} numberOfPages={pages} onNavigate={setPage} />
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ overflowX: 'auto' }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      padding: theme.spacing(0.75, 0.5),
      textAlign: 'left',
      verticalAlign: 'top',
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
    'thead th': {
      color: theme.colors.text.secondary,
      fontWeight: theme.typography.fontWeightMedium,
      whiteSpace: 'nowrap',
    },
    'tbody th': { fontWeight: theme.typography.fontWeightRegular, minWidth: 150 },
    'tbody td': { whiteSpace: 'nowrap' },
    // An outcome spans the whole row and wraps within it: no width of its own, so the columns above keep theirs.
    'tbody td.sc-outcome': { whiteSpace: 'normal' },
    'tbody td.sc-outcome > div': { width: 0, minWidth: '100%' },
    // Unparsed user agents can be thousands of characters: keep the cell short, the full text in its title.
    '.sc-truncate': { maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis' },
    // Second lines (device under the OS, last seen under signed in) keep the table narrow enough for 1280 px screens.
    '.sc-second': { color: theme.colors.text.secondary },
    // LDAP notes can be a sentence long: they wrap within the Org roles column instead of widening it.
    '.sc-wrap': { maxWidth: 220 },
    '.sc-wrap, .sc-wrap *': { whiteSpace: 'normal' },
    // Keep Revoke in view when the table scrolls sideways on narrower screens.
    '.sc-action': { position: 'sticky', right: 0, background: theme.colors.background.primary },
    'tbody th > div:first-child': { fontWeight: theme.typography.fontWeightMedium },
    'tbody th button': { marginTop: theme.spacing(0.5) },
    tbody: { borderBottom: `2px solid ${theme.colors.border.medium}` },
  }),
  empty: css({ padding: theme.spacing(2), color: theme.colors.text.secondary }),
  pagination: css({ display: 'flex', justifyContent: 'center', marginTop: theme.spacing(2) }),
});
