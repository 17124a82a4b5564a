import { Request } from 'express';

import { compare, User } from './state';

type SortField = 'login' | 'email' | 'name' | 'lastSeenAt';
export interface Sorter {
  field: SortField;
  descending: boolean;
  index: number;
}

// Grafana's sortopts: lastSeenAtAge-asc orders by last_seen_at ASC (oldest activity first), as the source does.
const SORT_OPTIONS: Record<string, Sorter> = {
  'login-asc': { field: 'login', descending: false, index: 0 },
  'login-desc': { field: 'login', descending: true, index: 0 },
  'email-asc': { field: 'email', descending: false, index: 1 },
  'email-desc': { field: 'email', descending: true, index: 1 },
  'name-asc': { field: 'name', descending: false, index: 2 },
  'name-desc': { field: 'name', descending: true, index: 2 },
  'lastSeenAtAge-asc': { field: 'lastSeenAt', descending: false, index: 3 },
  'lastSeenAtAge-desc': { field: 'lastSeenAt', descending: true, index: 3 },
};

/** Parses `sort=a,b`; null for an unknown option. Options apply in Grafana's fixed index order, not the given one. */
export function parseSort(param: string, fallback: SortField[]): Sorter[] | null {
  if (param === '') {
    return fallback.map((field) => ({ field, descending: false, index: 0 }));
  }
  const sorters = param.split(',').map((name) => SORT_OPTIONS[name]);
  if (sorters.some((s) => s === undefined)) {
    return null;
  }
  return sorters.sort((a, b) => a.index - b.index);
}

/**
 * A new array in the sorters' order. Each item's sort keys are read once up front: users built from a large seed
 * come in many object shapes, and reading their fields inside the comparator makes a 100,000-user sort take ~0.5 s.
 */
export function sortUsers<T>(items: T[], sorters: Sorter[], userOf: (item: T) => User): T[] {
  const rows = items.map((item) => ({ item, keys: sorters.map(({ field }) => userOf(item)[field]) }));
  rows.sort((a, b) => {
    for (let i = 0; i < sorters.length; i++) {
      const x = a.keys[i];
      const y = b.keys[i];
      const order = typeof x === 'number' ? x - (y as number) : compare(x, y as string);
      if (order !== 0) {
        return sorters[i].descending ? -order : order;
      }
    }
    return 0;
  });
  return rows.map((row) => row.item);
}

/** SQL `email LIKE %q% OR name LIKE %q% OR login LIKE %q%`, case-insensitive, with % and _ as wildcards. */
export function queryMatcher(query: string): (user: User) => boolean {
  if (query === '') {
    return () => true;
  }
  const escaped = query
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  const pattern = new RegExp(escaped, 'i');
  return (user) => pattern.test(user.email) || pattern.test(user.name) || pattern.test(user.login);
}

/** c.QueryInt: the integer value of a query parameter, 0 when absent or not an integer. */
export function queryInt(req: Request, name: string): number {
  const value = req.query[name];
  return typeof value === 'string' && /^[+-]?\d{1,15}$/.test(value) ? Number(value) : 0;
}

export function queryString(req: Request, name: string): string {
  const value = req.query[name];
  return typeof value === 'string' ? value : '';
}

/** perpage (default 1000) and page (from 1), as SearchUsersWithPaging and SearchOrgUsers read them. */
export function paging(req: Request): { page: number; perPage: number } {
  const perPage = queryInt(req, 'perpage');
  const page = queryInt(req, 'page');
  return { perPage: perPage > 0 ? perPage : 1000, page: page > 0 ? page : 1 };
}

export function pageSlice<T>(items: T[], { page, perPage }: { page: number; perPage: number }): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}
