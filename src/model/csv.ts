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

export const ORGS_NOT_READ = '(not read: Grafana did not answer)';

export function inventoryCsv(rows: VisibleUser[]): string {
  const lines = rows.flatMap(({ entry, sessions }) => {
    const { user } = entry;
    const userCells = [
      user.login,
      user.name,
      user.email,
      authSourceOf(entry),
      // The export reads every user's memberships first; this marks one Grafana did not answer for.
      entry.orgs ? entry.orgs.map((o) => `${o.orgName}: ${o.role}`).join('; ') : ORGS_NOT_READ,
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
  // A name or user agent starting with = + - @ would run as a formula in a spreadsheet: Papa quotes it with a '.
  return Papa.unparse({ fields: HEADER, data: lines }, { escapeFormulae: true });
}

export function downloadCsv(csv: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
