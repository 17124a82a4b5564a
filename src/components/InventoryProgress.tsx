import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, InlineField, InlineSwitch, Input, Stack, Text, useStyles2 } from '@grafana/ui';

import { Inventory, LoadSettings } from '../hooks/useInventory';
import { describeDuration, SAFETY_MARGIN_MS } from '../model/lifetime';
import { clockTime } from '../model/outcome';
import { plural } from '../model/sessions';

interface Props {
  inventory: Inventory;
  usersWithSessions: number;
  sessionCount: number;
  /** What the filters show of those; mentioned when it differs. */
  shown: { users: number; sessions: number };
}

const n = (value: number) => value.toLocaleString('en-US');

/** How far the scan is, what it skipped and why, and the totals beside Grafana's own count. */
export function InventoryProgress({ inventory, usersWithSessions, sessionCount, shown }: Props) {
  const styles = useStyles2(getStyles);
  const { paging, lifetime, stats, state, settings } = inventory;
  const candidates = inventory.entries.length;
  const skipped = settings.scanEveryUser ? 0 : Math.max(0, paging.totalUsers - candidates);
  const reload = (change: Partial<LoadSettings>) => inventory.reload({ ...settings, ...change });

  return (
    <div className={styles.box}>
      <Stack direction="row" gap={2} alignItems="center" wrap="wrap">
        <progress
          className={styles.bar}
          aria-label="Users scanned"
          max={Math.max(1, candidates)}
          value={state === 'done' ? candidates : inventory.scannedUsers}
        />
        <Text aria-live="polite">
          {state === 'loading' &&
            `Scanning… ${n(inventory.scannedUsers)} of ${n(candidates)} users${paging.pagingDone ? '' : ' found so far'}`}
          {state === 'done' && `${n(inventory.scannedUsers)} users scanned`}
          {state === 'done' && inventory.completedAt && ` (read ${clockTime(inventory.completedAt)})`}
          {state === 'cancelled' && `Cancelled after ${n(inventory.scannedUsers)} of ${n(candidates)} users`}
          {state === 'failed' && `Stopped after ${n(inventory.scannedUsers)} users`}
        </Text>
        {state === 'loading' && (
          <Button size="sm" variant="secondary" icon="times" onClick={inventory.cancel}>
            Cancel
          </Button>
        )}
      </Stack>
      {/* The users scanned are counted in the line above. */}
      <Text color="secondary" element="p" data-testid="inventory-totals">
        Of these, {plural(usersWithSessions, 'user')} with sessions · {plural(sessionCount, 'session')} listed
        {(shown.users !== usersWithSessions || shown.sessions !== sessionCount) &&
          ` · the filters show ${plural(shown.sessions, 'session')} of ${plural(shown.users, 'user')}`}
        {stats?.activeSessions !== undefined &&
          ` · Grafana's own count: ${n(stats.activeSessions)} active sessions (token rows used within 30 days, so it also counts sessions that have since expired; it is not the number of valid sessions)`}
      </Text>
      {lifetime && !settings.scanEveryUser && (
        <Text color="secondary" element="p" data-testid="inventory-pruning">
          {n(paging.totalUsers)} users in Grafana; {n(skipped)} not seen within {describeDuration(lifetime.inactiveMs)}{' '}
          ({lifetime.source === 'settings' ? 'login_maximum_inactive_lifetime_duration' : 'Grafana’s default'}) plus{' '}
          {describeDuration(SAFETY_MARGIN_MS)} were skipped: they cannot hold a valid session.
          {lifetime.reason && ` ${lifetime.reason}; using Grafana's default of 7 days.`}
        </Text>
      )}
      <Stack direction="row" gap={2} alignItems="center" wrap="wrap">
        <InlineField
          label="Scan every user"
          transparent
          tooltip="Ask Grafana about every user, however long ago they were seen"
        >
          <InlineSwitch
            id="scan-every-user"
            value={settings.scanEveryUser}
            onChange={(e) => reload({ scanEveryUser: e.currentTarget.checked })}
          />
        </InlineField>
        <InlineField
          label="Parallel requests"
          transparent
          tooltip="Session lists read at once (1 to 32). Browsers open 6 connections per server over HTTP/1.1"
        >
          <Input
            type="number"
            width={8}
            min={1}
            max={32}
            defaultValue={settings.concurrency}
            aria-label="Parallel requests"
            onBlur={(e) => {
              const value = Math.min(32, Math.max(1, Math.round(Number(e.currentTarget.value)) || 6));
              if (value !== settings.concurrency) {
                reload({ concurrency: value });
              }
            }}
          />
        </InlineField>
      </Stack>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  bar: css({ width: 240, height: 8, accentColor: theme.colors.primary.main }),
});
