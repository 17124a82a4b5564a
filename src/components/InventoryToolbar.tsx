import React, { useState } from 'react';
import { Button, FilterInput, InlineField, InlineSwitch, Stack } from '@grafana/ui';

import { InventoryFilter } from '../model/filter';
import { plural } from '../model/sessions';

interface Props {
  filter: InventoryFilter;
  onFilterChange: (filter: InventoryFilter) => void;
  ldapEnabled: boolean;
  loading: boolean;
  /** Sessions the current filters show that this page may revoke (the admin's own excluded). */
  revocableShown: number;
  narrowed: boolean;
  onRevokeShown: () => void;
  /** Resolves once the file is written (org roles are read first). */
  onExport: () => Promise<void>;
  onReload: () => void;
}

export function InventoryToolbar(props: Props) {
  const { filter, onFilterChange, ldapEnabled, loading, revocableShown, narrowed, onRevokeShown, onExport, onReload } =
    props;
  const [exporting, setExporting] = useState(false);
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
      {narrowed && revocableShown > 0 && (
        <Button variant="destructive" fill="outline" icon="trash-alt" onClick={onRevokeShown}>
          Revoke {plural(revocableShown, 'shown session')}
        </Button>
      )}
      <Button
        variant="secondary"
        icon={exporting ? 'spinner' : 'download-alt'}
        disabled={exporting}
        onClick={() => {
          setExporting(true);
          onExport().finally(() => setExporting(false));
        }}
      >
        {exporting ? 'Reading org roles…' : 'Export CSV'}
      </Button>
      <Button variant="secondary" icon="sync" onClick={onReload} disabled={loading}>
        Refresh
      </Button>
    </Stack>
  );
}
