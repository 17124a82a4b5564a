import Papa from 'papaparse';

import { Session } from '../api/types';
import { UserEntry } from '../hooks/useInventory';
import { inventoryCsv, ORGS_NOT_READ } from './csv';

const session = (id: number, clientIp: string): Session => ({
  id,
  isActive: false,
  clientIp,
  browser: 'Firefox',
  browserVersion: '126.0',
  os: 'Linux',
  osVersion: '',
  device: 'Other',
  createdAt: new Date('2026-12-01T10:00:00Z'),
  seenAt: new Date('2026-12-03T09:00:00Z'),
});

const entry = (login: string, name: string, orgs?: UserEntry['orgs']): UserEntry => ({
  user: { id: 1, login, name, email: `${login}@example.com`, isServerAdmin: false, isDisabled: false, authLabels: [] },
  orgs,
});

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv).data;
}

describe('CSV export', () => {
  it('writes one line per session with the user, org roles and session fields', () => {
    const bob = entry('bob', 'Bob', [{ orgId: 1, orgName: 'Main Org.', role: 'Viewer' }]);
    const [header, ...lines] = parse(
      inventoryCsv([{ entry: bob, sessions: [session(20, '10.0.0.1'), session(21, '10.0.0.2')] }])
    );
    expect(header).toContain('ip address');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual([
      'bob',
      'Bob',
      'bob@example.com',
      'Local',
      'Main Org.: Viewer',
      'no',
      '20',
      'Firefox',
      '126.0',
      'Linux',
      '',
      'Other',
      '10.0.0.1',
      '2026-12-01T10:00:00.000Z',
      '2026-12-03T09:00:00.000Z',
    ]);
  });

  it('says when org roles were not read, rather than leaving the cell empty as if the user had no org', () => {
    const [, line] = parse(inventoryCsv([{ entry: entry('kim', 'Kim'), sessions: [session(30, '10.0.0.3')] }]));
    expect(line[4]).toBe(ORGS_NOT_READ);
  });

  it('keeps a name that starts like a spreadsheet formula from running as one', () => {
    const csv = inventoryCsv([{ entry: entry('eve', '=HYPERLINK("http://x","click")'), sessions: [] }]);
    expect(parse(csv)[1][1]).toBe(`'=HYPERLINK("http://x","click")`);
  });
});
