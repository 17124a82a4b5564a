// Keeps the filters in the page URL, so a link reproduces the view.
import { useCallback, useEffect, useRef, useState } from 'react';
import { locationService } from '@grafana/runtime';

import { EMPTY_FILTER, InventoryFilter, SORT_KEYS_IN_ORDER, SortKey } from '../model/filter';

const KEYS: Record<keyof InventoryFilter, string> = {
  text: 'q',
  showUsersWithoutSessions: 'withoutSessions',
  ldapDriftOnly: 'ldapDrift',
  authSource: 'auth',
  orgId: 'org',
  orgRole: 'role',
  serverAdmin: 'serverAdmin',
  ip: 'ip',
  browser: 'browser',
  os: 'os',
  signedInAfter: 'signedInAfter',
  signedInBefore: 'signedInBefore',
  lastSeenWithin: 'lastSeenWithin',
  sort: 'sort',
};

export function filterFromQuery(query: Record<string, unknown>): InventoryFilter {
  const text = (key: keyof InventoryFilter) => {
    const value = query[KEYS[key]];
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  const org = Number(text('orgId'));
  const sort = text('sort') as SortKey | undefined;
  const admin = text('serverAdmin');
  return {
    text: text('text') ?? '',
    showUsersWithoutSessions: text('showUsersWithoutSessions') === 'true',
    ldapDriftOnly: text('ldapDriftOnly') === 'true',
    authSource: text('authSource'),
    orgId: Number.isInteger(org) && org > 0 ? org : undefined,
    orgRole: text('orgRole'),
    serverAdmin: admin === 'yes' || admin === 'no' ? admin : undefined,
    ip: text('ip'),
    browser: text('browser'),
    os: text('os'),
    signedInAfter: text('signedInAfter'),
    signedInBefore: text('signedInBefore'),
    lastSeenWithin: text('lastSeenWithin'),
    sort: sort && (SORT_KEYS_IN_ORDER as readonly string[]).includes(sort) ? sort : 'recent',
  };
}

export function filterToQuery(filter: InventoryFilter): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  for (const key of Object.keys(KEYS) as Array<keyof InventoryFilter>) {
    const value = filter[key];
    const isDefault = value === EMPTY_FILTER[key] || value === undefined || value === '' || value === false;
    query[KEYS[key]] = isDefault ? undefined : String(value);
  }
  return query;
}

const URL_DELAY_MS = 300;

export function useFilterInUrl(): [InventoryFilter, (filter: InventoryFilter) => void] {
  const [filter, setFilter] = useState(() => filterFromQuery(locationService.getSearchObject()));
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // Typing should not rewrite the URL (and notify the router) at every keystroke.
  const change = useCallback((next: InventoryFilter) => {
    setFilter(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => locationService.partial(filterToQuery(next), true), URL_DELAY_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return [filter, change];
}
