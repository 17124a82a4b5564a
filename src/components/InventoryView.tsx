import React, { useCallback, useMemo, useState } from 'react';
import { Alert, Stack } from '@grafana/ui';
import { config } from '@grafana/runtime';

import { useActions } from '../hooks/useActions';
import { useInventory, UserEntry } from '../hooks/useInventory';
import { useLdap } from '../hooks/useLdap';
import { explainError } from '../model/explain';
import { byRecentActivity, filterEntries, InventoryFilter } from '../model/filter';
import { isLdapUser, ldapDrift } from '../model/ldap';
import { ConfirmAction, PendingAction } from './ConfirmAction';
import { InventoryToolbar } from './InventoryToolbar';
import { LdapStatus } from './LdapStatus';
import { NotServerAdmin } from './NotServerAdmin';
import { ActivityLog } from './OutcomeList';
import { RoleEditor } from './RoleEditor';
import { SessionsTable } from './SessionsTable';
import { UserLdap } from './UserCells';

/** The inventory screen for a server admin: toolbar, LDAP state, table, confirmations, role editor. */
export function InventoryView({ viewerId }: { viewerId: number }) {
  const inventory = useInventory();
  const actions = useActions(inventory.refreshUser);
  const ldap = useLdap();
  const [filter, setFilter] = useState<InventoryFilter>({
    text: '',
    showUsersWithoutSessions: false,
    ldapDriftOnly: false,
  });
  const [pending, setPending] = useState<PendingAction>();
  const [editing, setEditing] = useState<UserEntry>();

  const ldapUsers = useMemo(
    () => (ldap.enabled ? inventory.entries.filter((e) => isLdapUser(e.user)) : []),
    [ldap.enabled, inventory.entries]
  );
  const driftCount = useCallback(
    (entry: UserEntry) => {
      const mapping = ldap.mappings.get(entry.user.login)?.mapping;
      return mapping && entry.orgs ? ldapDrift(entry.orgs, entry.user.isServerAdmin, mapping).length : undefined;
    },
    [ldap.mappings]
  );
  const pinned = useMemo(() => new Set(actions.outcomes.map((o) => o.userId)), [actions.outcomes]);
  const visible = useMemo(
    () => filterEntries(inventory.entries, filter, pinned, driftCount).sort(byRecentActivity),
    [inventory.entries, filter, pinned, driftCount]
  );
  const sessionCount = inventory.entries.reduce((n, e) => n + (e.sessions?.length ?? 0), 0);
  const serverAdminCount = inventory.entries.filter((e) => e.user.isServerAdmin).length;

  const changeFilter = (next: InventoryFilter) => {
    if (next.ldapDriftOnly && !filter.ldapDriftOnly) {
      ldap.loadMappings(ldapUsers.map((e) => e.user.login));
    }
    setFilter(next);
  };
  const ldapFor = (entry: UserEntry): UserLdap | undefined =>
    ldap.enabled && isLdapUser(entry.user)
      ? {
          state: ldap.mappings.get(entry.user.login),
          onCheck: () => ldap.loadMapping(entry.user.login),
          onApply: () => setPending({ kind: 'applyLdap', user: entry.user, sessionCount: entry.sessions?.length ?? 0 }),
        }
      : undefined;

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
      <InventoryToolbar
        filter={filter}
        onFilterChange={changeFilter}
        ldapEnabled={ldap.enabled}
        loadedUsers={inventory.loadedUsers}
        totalUsers={inventory.totalUsers}
        sessionCount={sessionCount}
        loading={inventory.loading}
        onReload={() => {
          ldap.forget();
          inventory.reload();
        }}
      />
      <ActivityLog outcomes={actions.outcomes} />
      <SessionsTable
        entries={visible}
        viewerId={viewerId}
        latestOutcome={(userId) => actions.outcomes.find((o) => o.userId === userId)}
        ldapFor={ldapFor}
        onRevoke={(user, session) => setPending({ kind: 'revoke', user, session })}
        onSignOut={(entry) =>
          setPending({ kind: 'signOut', user: entry.user, sessionCount: entry.sessions?.length ?? 0 })
        }
        onEditRoles={(entry) => {
          ldapFor(entry)?.onCheck();
          setEditing(entry);
        }}
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
          }
        }}
      />
      {editing && (
        <RoleEditor
          key={editing.user.id}
          user={editing.user}
          sessionCount={editing.sessions?.length ?? 0}
          viewerId={viewerId}
          serverAdminCount={serverAdminCount}
          ldap={ldapFor(editing)}
          onSave={actions.saveRoles}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Stack>
  );
}
