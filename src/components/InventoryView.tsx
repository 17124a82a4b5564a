import React, { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Alert, Stack } from '@grafana/ui';
import { config } from '@grafana/runtime';

import { Session, UserSummary } from '../api/types';
import { BULK_USER_ID, useActions } from '../hooks/useActions';
import { useFilterInUrl } from '../hooks/useFilterInUrl';
import { Inventory, useInventory, UserEntry } from '../hooks/useInventory';
import { useLdap } from '../hooks/useLdap';
import { downloadCsv, inventoryCsv } from '../model/csv';
import { explainError } from '../model/explain';
import { filterEntries, hasSessionFilter, rowsTheFiltersShow } from '../model/filter';
import { isLdapUser, ldapDrift } from '../model/ldap';
import { ConfirmAction, PendingAction } from './ConfirmAction';
import { FilterBar } from './FilterBar';
import { InventoryProgress } from './InventoryProgress';
import { InventoryToolbar } from './InventoryToolbar';
import { LdapStatus } from './LdapStatus';
import { NotServerAdmin } from './NotServerAdmin';
import { ActivityLog, OutcomeAlert } from './OutcomeList';
import { RoleEditor } from './RoleEditor';
import { SessionsTable } from './SessionsTable';
import { UserLdap, userLdap } from './UserCells';

/** The inventory screen for a server admin: toolbar, filters, progress, table, confirmations, role editor. */
export function InventoryView({ viewerId }: { viewerId: number }) {
  const inventory = useInventory();
  const actions = useActions(inventory.refreshUser);
  const ldap = useLdap();
  const [filter, setFilter] = useFilterInUrl();
  const [pending, setPending] = useState<PendingAction>();
  const [editing, setEditing] = useState<UserEntry>();
  const { entries, ensureOrgs } = inventory;

  const driftCount = useCallback(
    (entry: UserEntry) => {
      const mapping = ldap.mappings.get(entry.user.login)?.mapping;
      return mapping && entry.orgs ? ldapDrift(entry.orgs, entry.user.isServerAdmin, mapping).length : undefined;
    },
    [ldap.mappings]
  );
  const pinned = useMemo(() => new Set(actions.outcomes.map((o) => o.userId)), [actions.outcomes]);
  // The search box shows each keystroke at once; the table follows when React has time (20,000 rows filter in tens of ms).
  const tableFilter = useDeferredValue(filter);
  const rows = useMemo(
    () => filterEntries(entries, tableFilter, pinned, driftCount),
    [entries, tableFilter, pinned, driftCount]
  );
  const totals = useMemo(() => {
    const withSessions = entries.filter((e) => (e.sessions?.length ?? 0) > 0);
    return { users: withSessions.length, sessions: withSessions.reduce((n, e) => n + e.sessions!.length, 0) };
  }, [entries]);
  const narrowed = Boolean(tableFilter.text) || hasSessionFilter(tableFilter);
  // Derived once per filtered list, not on every render (each keystroke renders before the table catches up).
  const filtered = useMemo(() => rowsTheFiltersShow(rows), [rows]);
  const shownTargets = useMemo(
    () =>
      filtered
        .map(({ entry, sessions }) => ({ user: entry.user, sessions: sessions.filter((s) => !s.isActive) }))
        .filter((t) => t.sessions.length > 0),
    [filtered]
  );
  const shownTotals = useMemo(() => {
    const withSessions = filtered.filter((row) => row.sessions.length > 0);
    return { users: withSessions.length, sessions: withSessions.reduce((n, row) => n + row.sessions.length, 0) };
  }, [filtered]);
  const bulkOutcome = actions.outcomes.find((o) => o.userId === BULK_USER_ID);

  // Org and LDAP filters need data the scan does not read: fetch it for the users in the inventory, also when the
  // filter came with a link or survived a refresh.
  // Sorting by org role needs every row's roles too, or rows would move as their roles arrive.
  const needsOrgs =
    filter.orgId !== undefined || filter.orgRole !== undefined || filter.ldapDriftOnly || filter.sort === 'orgRole';
  const ldapLogins = useMemo(
    () => (ldap.enabled ? entries.filter((e) => isLdapUser(e.user)).map((e) => e.user.login) : []),
    [entries, ldap.enabled]
  );
  const orgTargets = useMemo(
    () =>
      entries.filter((e) => e.sessions?.length || (filter.ldapDriftOnly && isLdapUser(e.user))).map((e) => e.user.id),
    [entries, filter.ldapDriftOnly]
  );
  useEffect(() => {
    if (needsOrgs && orgTargets.length) {
      ensureOrgs(orgTargets);
    }
  }, [needsOrgs, orgTargets, ensureOrgs]);
  const { loadMappings } = ldap;
  useEffect(() => {
    if (filter.ldapDriftOnly && ldapLogins.length) {
      loadMappings(ldapLogins);
    }
  }, [filter.ldapDriftOnly, ldapLogins, loadMappings]);
  const { enabled: ldapEnabled, mappings, loadMapping } = ldap;
  const onApplyLdap = useCallback(
    (entry: UserEntry) =>
      setPending({ kind: 'applyLdap', user: entry.user, sessionCount: entry.sessions?.length ?? 0 }),
    []
  );
  const ldapActions = useMemo(() => ({ onCheck: loadMapping, onApply: onApplyLdap }), [loadMapping, onApplyLdap]);
  const ldapRows = useMemo(
    () => (ldapEnabled ? { mappings, actions: ldapActions } : undefined),
    [ldapEnabled, mappings, ldapActions]
  );
  // For the role editor's LDAP note.
  const ldapFor = (entry: UserEntry): UserLdap | undefined =>
    ldapEnabled && isLdapUser(entry.user) ? userLdap(entry, ldapActions, mappings.get(entry.user.login)) : undefined;
  const onRevoke = useCallback(
    (user: UserSummary, session: Session) => setPending({ kind: 'revoke', user, session }),
    []
  );
  const onSignOut = useCallback(
    (entry: UserEntry) => setPending({ kind: 'signOut', user: entry.user, sessionCount: entry.sessions?.length ?? 0 }),
    []
  );
  const onEditRoles = useCallback(
    (entry: UserEntry) => {
      if (ldapEnabled && isLdapUser(entry.user)) {
        loadMapping(entry.user.login);
      }
      setEditing(entry);
    },
    [ldapEnabled, loadMapping]
  );

  if (inventory.fatal?.status === 403) {
    return (
      <NotServerAdmin login={config.bootData.user.login} grafanaSaid={explainError(inventory.fatal).grafanaSaid} />
    );
  }

  return (
    <Stack direction="column" gap={2}>
      {inventory.fatal && (
        <Alert severity="error" title="Could not read the users from Grafana">
          {explainError(inventory.fatal).grafanaSaid}. {explainError(inventory.fatal).next}
        </Alert>
      )}
      <LdapStatus ldap={ldap} />
      <InventoryProgress
        inventory={inventory}
        usersWithSessions={totals.users}
        sessionCount={totals.sessions}
        shown={shownTotals}
      />
      <InventoryToolbar
        filter={filter}
        onFilterChange={setFilter}
        ldapEnabled={ldap.enabled}
        loading={inventory.state === 'loading'}
        revocableShown={shownTargets.reduce((n, t) => n + t.sessions.length, 0)}
        narrowed={narrowed}
        onRevokeShown={() => setPending({ kind: 'revokeMany', targets: shownTargets })}
        onExport={async () => {
          // The Org roles column needs every exported user's memberships, not only those of the rows on screen.
          const orgs = await ensureOrgs(filtered.map((row) => row.entry.user.id));
          const rows = filtered.map((row) => ({
            ...row,
            entry: { ...row.entry, orgs: orgs.get(row.entry.user.id) ?? row.entry.orgs },
          }));
          downloadCsv(inventoryCsv(rows), `grafana-sessions-${new Date().toISOString().slice(0, 19)}.csv`);
        }}
        onReload={() => {
          ldap.forget();
          inventory.reload();
        }}
      />
      <FilterBar entries={entries} filter={filter} onChange={setFilter} />
      {bulkOutcome && <OutcomeAlert outcome={bulkOutcome} />}
      <ActivityLog outcomes={actions.outcomes} />
      <SessionsTable
        rows={rows}
        onShow={ensureOrgs}
        onRetry={inventory.retryUser}
        viewerId={viewerId}
        latestOutcome={(userId) => actions.outcomes.find((o) => o.userId === userId)}
        ldap={ldapRows}
        onRevoke={onRevoke}
        onSignOut={onSignOut}
        onEditRoles={onEditRoles}
      />
      <ConfirmAction
        action={pending}
        onDismiss={() => setPending(undefined)}
        onConfirm={(action) => {
          switch (action.kind) {
            case 'revoke':
              return actions.revoke(action.user, action.session);
            case 'signOut':
              return actions.signOut(action.user, action.sessionCount);
            case 'applyLdap':
              return actions.applyLdap(action.user, action.sessionCount, viewerId);
            case 'revokeMany':
              return actions.revokeMany(action.targets);
          }
        }}
      />
      {editing && (
        <RoleEditor
          key={editing.user.id}
          user={editing.user}
          sessionCount={editing.sessions?.length ?? 0}
          viewerId={viewerId}
          serverAdmins={{
            count: entries.filter((e) => e.user.isServerAdmin).length,
            complete: readEveryUser(inventory),
          }}
          ldap={ldapFor(editing)}
          onSave={actions.saveRoles}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Stack>
  );
}

/** True once the scan has read every user Grafana has, not only those who can still hold a session. */
function readEveryUser({ settings, state, paging }: Inventory): boolean {
  return settings.scanEveryUser && state === 'done' && paging.usersPaged >= paging.totalUsers;
}
