import React, { useMemo, useState } from 'react';
import { config, PluginPage } from '@grafana/runtime';
import { Alert, Stack } from '@grafana/ui';

import { ConfirmAction, PendingAction } from '../components/ConfirmAction';
import { InventoryToolbar } from '../components/InventoryToolbar';
import { NotServerAdmin } from '../components/NotServerAdmin';
import { ActivityLog } from '../components/OutcomeList';
import { RoleEditor } from '../components/RoleEditor';
import { SessionsTable } from '../components/SessionsTable';
import { useActions } from '../hooks/useActions';
import { useInventory, UserEntry } from '../hooks/useInventory';
import { explainError } from '../model/explain';
import { byRecentActivity, filterEntries, InventoryFilter } from '../model/filter';

const SUBTITLE =
  'Every user’s active Grafana sessions. Revoke one, sign a user out everywhere, or change their roles; each result is re-read from Grafana.';

export function SessionsPage() {
  const viewer = config.bootData.user;
  return (
    <PluginPage subTitle={SUBTITLE}>
      {viewer.isGrafanaAdmin ? (
        <Inventory viewerId={viewer.id} />
      ) : (
        <NotServerAdmin login={viewer.login} orgRole={viewer.orgRole} />
      )}
    </PluginPage>
  );
}

function Inventory({ viewerId }: { viewerId: number }) {
  const inventory = useInventory();
  const actions = useActions(inventory.refreshUser);
  const [filter, setFilter] = useState<InventoryFilter>({ text: '', showUsersWithoutSessions: false });
  const [pending, setPending] = useState<PendingAction>();
  const [editing, setEditing] = useState<UserEntry>();

  const pinned = useMemo(() => new Set(actions.outcomes.map((o) => o.userId)), [actions.outcomes]);
  const visible = useMemo(
    () => filterEntries(inventory.entries, filter, pinned).sort(byRecentActivity),
    [inventory.entries, filter, pinned]
  );
  const sessionCount = inventory.entries.reduce((n, e) => n + (e.sessions?.length ?? 0), 0);

  if (inventory.fatal?.status === 403) {
    return (
      <NotServerAdmin login={config.bootData.user.login} grafanaSaid={explainError(inventory.fatal).grafanaSaid} />
    );
  }
  const latestOutcome = (userId: number) => actions.outcomes.find((o) => o.userId === userId);

  return (
    <Stack direction="column" gap={2}>
      {inventory.fatal && (
        <Alert severity="error" title="Could not read the users from Grafana">
          {explainError(inventory.fatal).grafanaSaid}. {explainError(inventory.fatal).next}
        </Alert>
      )}
      <InventoryToolbar
        filter={filter}
        onFilterChange={setFilter}
        loadedUsers={inventory.loadedUsers}
        totalUsers={inventory.totalUsers}
        sessionCount={sessionCount}
        loading={inventory.loading}
        onReload={inventory.reload}
      />
      <ActivityLog outcomes={actions.outcomes} />
      <SessionsTable
        entries={visible}
        viewerId={viewerId}
        latestOutcome={latestOutcome}
        onRevoke={(user, session) => setPending({ kind: 'revoke', user, session })}
        onSignOut={(entry) =>
          setPending({ kind: 'signOut', user: entry.user, sessionCount: entry.sessions?.length ?? 0 })
        }
        onEditRoles={setEditing}
      />
      <ConfirmAction
        action={pending}
        onDismiss={() => setPending(undefined)}
        onConfirm={(action) =>
          action.kind === 'revoke'
            ? actions.revoke(action.user, action.session)
            : actions.signOut(action.user, action.sessionCount)
        }
      />
      {editing && (
        <RoleEditor
          key={editing.user.id}
          user={editing.user}
          sessionCount={editing.sessions?.length ?? 0}
          viewerId={viewerId}
          onSave={actions.saveRoles}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Stack>
  );
}
