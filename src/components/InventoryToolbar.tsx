import React from 'react';
import { Button, FilterInput, InlineField, InlineSwitch, Stack, Text } from '@grafana/ui';

import { InventoryFilter } from '../model/filter';
import { plural } from '../model/sessions';

interface Props {
  filter: InventoryFilter;
  onFilterChange: (filter: InventoryFilter) => void;
  ldapEnabled: boolean;
  loadedUsers: number;
  totalUsers: number;
  sessionCount: number;
  loading: boolean;
  onReload: () => void;
}

export function InventoryToolbar({
  filter,
  onFilterChange,
  ldapEnabled,
  loadedUsers,
  totalUsers,
  sessionCount,
  loading,
  onReload,
}: Props) {
  return (
    <Stack direction="row" gap={2} alignItems="center" wrap="wrap">
      <div style={{ flex: '1 1 280px' }}>
        <FilterInput
          placeholder="Search login, name, email, IP, browser"
          value={filter.text}
          onChange={(text) => onFilterChange({ ...filter, text })}
          escapeRegex={false}
        />
      </div>
      <InlineField label="Show users without sessions" transparent>
        <InlineSwitch
          id="show-users-without-sessions"
          value={filter.showUsersWithoutSessions}
          onChange={(e) => onFilterChange({ ...filter, showUsersWithoutSessions: e.currentTarget.checked })}
        />
      </InlineField>
      {ldapEnabled && (
        <InlineField
          label="LDAP drift"
          transparent
          tooltip="Only LDAP users whose roles in Grafana differ from what LDAP maps now"
        >
          <InlineSwitch
            id="ldap-drift-only"
            value={filter.ldapDriftOnly}
            onChange={(e) => onFilterChange({ ...filter, ldapDriftOnly: e.currentTarget.checked })}
          />
        </InlineField>
      )}
      <Text color="secondary" aria-live="polite">
        {loading ? `Reading users… ${loadedUsers} of ${totalUsers}` : `${plural(totalUsers, 'user')} read`} ·{' '}
        {plural(sessionCount, 'active session')}
      </Text>
      <Button variant="secondary" icon="sync" onClick={onReload} disabled={loading}>
        Refresh
      </Button>
    </Stack>
  );
}
