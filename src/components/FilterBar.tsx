import React, { useMemo } from 'react';
import { Button, Combobox, ComboboxOption, InlineField, Input, Stack } from '@grafana/ui';

import { UserEntry } from '../hooks/useInventory';
import { authSourceOf, EMPTY_FILTER, InventoryFilter, SORT_KEYS_IN_ORDER, SortKey } from '../model/filter';
import { parseIpFilter } from '../model/ipFilter';
import { choiceLabel, choiceOptions } from '../model/sessions';

interface Props {
  entries: UserEntry[];
  filter: InventoryFilter;
  onChange: (filter: InventoryFilter) => void;
}

const ROLES = choiceOptions(['Admin', 'Editor', 'Viewer', 'None']);
const ADMIN: Array<ComboboxOption<'yes' | 'no'>> = [
  { label: 'Server admins', value: 'yes' },
  { label: 'Not server admins', value: 'no' },
];
const SEEN: Array<ComboboxOption<string>> = [
  { label: '15 minutes', value: '15m' },
  { label: '1 hour', value: '1h' },
  { label: '24 hours', value: '24h' },
  { label: '7 days', value: '7d' },
];
const SORT_LABELS: Record<SortKey, string> = {
  recent: 'Most recently active',
  signedIn: 'Newest sign-in',
  sessions: 'Most sessions',
  login: 'Login A–Z',
  name: 'Name A–Z',
  authSource: 'Auth source A–Z',
  orgRole: 'Highest org role',
  serverAdmin: 'Server admins first',
  ip: 'IP address',
  browser: 'Browser A–Z',
  os: 'OS A–Z',
};
const SORT: Array<ComboboxOption<SortKey>> = SORT_KEYS_IN_ORDER.map((value) => ({ label: SORT_LABELS[value], value }));

/** Filters on users and sessions; each value is kept in the URL. */
export function FilterBar({ entries, filter, onChange }: Props) {
  const choices = useMemo(() => {
    const sessions = entries.flatMap((e) => e.sessions ?? []);
    const orgs = new Map(entries.flatMap((e) => e.orgs ?? []).map((o) => [o.orgId, o.orgName]));
    return {
      auth: choiceOptions(entries.map(authSourceOf)),
      orgs: [...orgs.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label })),
      browsers: choiceOptions(
        sessions.map((s) => s.browser),
        (v) => choiceLabel(v, 'browser')
      ),
      os: choiceOptions(
        sessions.map((s) => s.os),
        (v) => choiceLabel(v, 'OS')
      ),
    };
  }, [entries]);
  const set = (change: Partial<InventoryFilter>) => onChange({ ...filter, ...change });
  const ipFilter = filter.ip?.trim() ? parseIpFilter(filter.ip) : undefined;
  const ipProblem = ipFilter && 'invalid' in ipFilter ? ipFilter.invalid : undefined;
  const active =
    JSON.stringify({ ...filter, text: '' }) !==
    JSON.stringify({
      ...EMPTY_FILTER,
      ldapDriftOnly: filter.ldapDriftOnly,
      showUsersWithoutSessions: filter.showUsersWithoutSessions,
    });

  return (
    <Stack direction="row" gap={1} wrap="wrap" alignItems="center">
      <Choice
        id="filter-auth"
        label="Auth"
        width={16}
        options={choices.auth}
        value={filter.authSource}
        onChange={(authSource) => set({ authSource })}
      />
      <Choice
        id="filter-org"
        label="Org"
        width={18}
        options={choices.orgs}
        value={filter.orgId}
        onChange={(orgId) => set({ orgId })}
      />
      <Choice
        id="filter-role"
        label="Role"
        width={14}
        options={ROLES}
        value={filter.orgRole}
        onChange={(orgRole) => set({ orgRole })}
      />
      <Choice
        id="filter-server-admin"
        label="Server admin"
        width={20}
        options={ADMIN}
        value={filter.serverAdmin}
        onChange={(serverAdmin) => set({ serverAdmin })}
      />
      <InlineField
        label="IP"
        htmlFor="filter-ip"
        transparent
        tooltip="An address (exact), its beginning such as 10.20. (whole parts only), or a CIDR range such as 10.20.0.0/16"
        invalid={Boolean(ipProblem)}
        error={ipProblem}
      >
        <Input
          id="filter-ip"
          width={16}
          placeholder="e.g. 10.20."
          value={filter.ip ?? ''}
          onChange={(e) => set({ ip: e.currentTarget.value || undefined })}
        />
      </InlineField>
      <Choice
        id="filter-browser"
        label="Browser"
        width={18}
        options={choices.browsers}
        value={filter.browser}
        onChange={(browser) => set({ browser })}
      />
      <Choice
        id="filter-os"
        label="OS"
        width={16}
        options={choices.os}
        value={filter.os}
        onChange={(os) => set({ os })}
      />
      <InlineField label="Signed in after" htmlFor="filter-after" transparent>
        <Input
          id="filter-after"
          type="date"
          width={18}
          value={filter.signedInAfter ?? ''}
          onChange={(e) => set({ signedInAfter: e.currentTarget.value || undefined })}
        />
      </InlineField>
      <InlineField label="before" htmlFor="filter-before" transparent>
        <Input
          id="filter-before"
          type="date"
          width={18}
          value={filter.signedInBefore ?? ''}
          onChange={(e) => set({ signedInBefore: e.currentTarget.value || undefined })}
        />
      </InlineField>
      <Choice
        id="filter-seen"
        label="Last seen within"
        width={14}
        options={SEEN}
        value={filter.lastSeenWithin}
        onChange={(lastSeenWithin) => set({ lastSeenWithin })}
      />
      <InlineField label="Sort" htmlFor="filter-sort" transparent>
        <Combobox
          id="filter-sort"
          width={22}
          options={SORT}
          value={filter.sort}
          onChange={(v) => set({ sort: v.value })}
        />
      </InlineField>
      {active && (
        <Button
          variant="secondary"
          fill="text"
          icon="times"
          onClick={() => onChange({ ...EMPTY_FILTER, text: filter.text })}
        >
          Clear filters
        </Button>
      )}
    </Stack>
  );
}

interface ChoiceProps<T extends string | number> {
  id: string;
  label: string;
  width: number;
  options: Array<ComboboxOption<T>>;
  value?: T;
  onChange: (value: T | undefined) => void;
}

/** One clearable filter: "Any" when empty. */
function Choice<T extends string | number>({ id, label, width, options, value, onChange }: ChoiceProps<T>) {
  return (
    <InlineField label={label} htmlFor={id} transparent>
      <Combobox
        id={id}
        width={width}
        isClearable
        placeholder="Any"
        options={options}
        value={value ?? null}
        onChange={(v) => onChange(v?.value)}
      />
    </InlineField>
  );
}
