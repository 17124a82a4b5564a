// The rows the filters show, as CSV: one line per session (or per user without sessions).
import Papa from 'papaparse';

import { authSourceOf, VisibleUser } from './filter';

const HEADER = [
  'login',
  'name',
  'email',
  'auth source',
  'org roles',
  'server admin',
  'session id',
  'browser',
  'browser version',
  'os',
  'os version',
  'device',
  'ip address',
  'signed in',
  'last seen',
];

export function inventoryCsv(rows: VisibleUser[]): string {
  const lines = rows.flatMap(({ entry, sessions }) => {
    const { user } = entry;
    const userCells = [
      user.login,
      user.name,
      user.email,
      authSourceOf(entry),
      entry.orgs ? entry.orgs.map((o) => `${o.orgName}: ${o.role}`).join('; ') : '',
      user.isServerAdmin ? 'yes' : 'no',
    ];
    if (sessions.length === 0) {
      return [[...userCells, '', '', '', '', '', '', '', '', '']];
    }
    return sessions.map((s) => [
      ...userCells,
      String(s.id),
      s.browser,
      s.browserVersion,
      s.os,
      s.osVersion,
      s.device,
      s.clientIp,
      s.createdAt.toISOString(),
      s.seenAt.toISOString(),
    ]);
  });
  return Papa.unparse({ fields: HEADER, data: lines });
}

export function downloadCsv(csv: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
