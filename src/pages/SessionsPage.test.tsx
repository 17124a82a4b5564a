import React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { FakeBackend } from '../test/fakeBackend';
import { fakeGrafana, FakeUser } from '../test/fakeGrafana';
import { signInAs } from '../test/grafanaJson';
import { SessionsPage } from './SessionsPage';

const MAIN = { orgId: 1, name: 'Main Org.' };

function seed(): FakeUser[] {
  return [
    {
      id: 1,
      login: 'admin',
      isServerAdmin: true,
      orgs: [{ ...MAIN, role: 'Admin' }],
      sessions: [
        { id: 10, isActive: true, browser: 'Chrome', browserVersion: '124.0' },
        { id: 11, browser: 'Safari', os: 'Mac OS X' },
      ],
    },
    {
      id: 2,
      login: 'bob',
      orgs: [{ ...MAIN, role: 'Admin' }],
      sessions: [{ id: 20 }, { id: 21, browser: 'Chrome', os: 'Windows', osVersion: '10' }],
    },
    {
      id: 3,
      login: 'dana',
      authLabels: ['LDAP'],
      isExternallySynced: true,
      orgs: [{ ...MAIN, role: 'Admin' }],
      sessions: [{ id: 30 }],
    },
    { id: 4, login: 'zoe', authLabels: ['JWT'], orgs: [{ ...MAIN, role: 'Viewer' }], sessions: [] },
  ];
}

async function openPage(users = seed()): Promise<FakeBackend> {
  signInAs({ id: 1, login: 'admin', isGrafanaAdmin: true });
  const grafana = fakeGrafana(users, 1);
  render(<SessionsPage />);
  await screen.findByText(/^4 users scanned \(read \d\d:\d\d:\d\d\)$/);
  return grafana;
}

const group = (login: string) => screen.getByTestId(`user-${login}`);

describe('Sessions page', () => {
  it('explains what is needed to a viewer who is not a server admin, without calling Grafana', () => {
    signInAs({ id: 5, login: 'judy', isGrafanaAdmin: false, orgRole: 'Admin' });
    const grafana = new FakeBackend().install();
    render(<SessionsPage />);
    expect(screen.getByText('Session Control needs a Grafana server admin')).toBeInTheDocument();
    expect(screen.getByText(/which is not a Grafana server admin/)).toHaveTextContent(
      'judy (Admin in this organization)'
    );
    expect(grafana.requests).toHaveLength(0);
  });

  it("adds up users and sessions beside Grafana's own count, and says why the two differ", async () => {
    signInAs({ id: 1, login: 'admin', isGrafanaAdmin: true });
    const grafana = fakeGrafana(seed(), 1);
    grafana.route('GET /api/admin/stats', () => ({ body: { users: 4, activeSessions: 9, activeUsers: 3 } }));
    render(<SessionsPage />);
    await screen.findByText(/^4 users scanned \(read \d\d:\d\d:\d\d\)$/);
    const totals = screen.getByTestId('inventory-totals');
    expect(totals).toHaveTextContent(/^Of these, 3 users with sessions · 5 sessions listed · Grafana's own count: 9/);
    expect(totals).toHaveTextContent('it also counts sessions that have since expired');
    expect(totals).not.toHaveTextContent('the filters show');

    await userEvent.type(screen.getByPlaceholderText('Search login, name, email, IP, browser'), 'bob');
    await waitFor(() => expect(totals).toHaveTextContent('the filters show 2 sessions of 1 user'));
  });

  it('gives a server admin who is only Viewer in the current org the whole list, flag and org roles apart (field case 8)', async () => {
    signInAs({ id: 9, login: 'ivan', isGrafanaAdmin: true, orgRole: 'Viewer' });
    const ivan: FakeUser = {
      id: 9,
      login: 'ivan',
      isServerAdmin: true,
      orgs: [
        { ...MAIN, role: 'Viewer' },
        { orgId: 2, name: 'Ops', role: 'Editor' },
      ],
      sessions: [{ id: 90, isActive: true }],
    };
    fakeGrafana([...seed(), ivan], 9);
    render(<SessionsPage />);
    expect(await screen.findByText(/^5 users scanned \(read \d\d:\d\d:\d\d\)$/)).toBeInTheDocument();
    expect(screen.queryByText('Session Control needs a Grafana server admin')).not.toBeInTheDocument();
    const row = within(group('ivan'));
    expect(row.getByText('Server admin')).toBeInTheDocument();
    expect(await row.findByText(/Main Org\./)).toHaveTextContent('Main Org.: Viewer');
    expect(row.getByText(/Ops/)).toHaveTextContent('Ops: Editor');
    expect(group('bob')).toBeInTheDocument();
  });

  it('shows one explanation, not a broken list, when Grafana refuses the user list', async () => {
    signInAs({ id: 1, login: 'admin', isGrafanaAdmin: true });
    new FakeBackend()
      .route('GET /api/users/search', {
        status: 403,
        body: { title: 'Access denied', message: 'You’ll need additional permissions. Permissions needed: users:read' },
      })
      .install();
    render(<SessionsPage />);
    expect(await screen.findByText('Session Control needs a Grafana server admin')).toBeInTheDocument();
    expect(screen.getByText(/Grafana answered: 403/)).toHaveTextContent('users:read');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists every session with browser, OS, IP and the user’s org roles and auth source', async () => {
    await openPage();
    const bob = within(group('bob'));
    expect(bob.getByText('Firefox 126.0')).toBeInTheDocument();
    expect(bob.getByText('Chrome 126.0')).toBeInTheDocument();
    expect(bob.getByText('Windows 10')).toBeInTheDocument();
    expect(bob.getByText('10.0.0.21')).toBeInTheDocument();
    expect(await bob.findByText(/Main Org\./)).toHaveTextContent('Main Org.: Admin');
    expect(within(group('dana')).getByText(/LDAP/)).toBeInTheDocument();
  });

  it('marks the admin’s own session as this browser and does not offer to revoke it', async () => {
    await openPage();
    const own = within(screen.getByTestId('session-10'));
    expect(own.getByText('This browser')).toBeInTheDocument();
    expect(own.getByRole('button', { name: /Revoke admin's session: not possible/ })).toBeDisabled();
    expect(
      within(screen.getByTestId('session-11')).getByRole('button', { name: /Revoke admin's session/ })
    ).toBeEnabled();
    expect(
      within(group('admin')).getByRole('button', { name: /Sign admin out everywhere: not possible/ })
    ).toBeDisabled();
  });

  it('revokes one session after a confirmation naming the user and the session, then shows the re-read result', async () => {
    const grafana = await openPage();
    await userEvent.click(
      within(screen.getByTestId('session-20')).getByRole('button', { name: /Revoke bob's session/ })
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText("Revoke bob's session?")).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Firefox 126.0 on Linux, 10.0.0.20');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke session' }));

    await waitFor(() => expect(grafana.requestsTo('POST /api/admin/users/2/revoke-auth-token')).toHaveLength(1));
    expect(grafana.requestsTo('POST /api/admin/users/2/revoke-auth-token')[0].data).toEqual({ authTokenId: 20 });
    const proof = await within(group('bob')).findByTestId('outcome-proof');
    expect(proof).toHaveTextContent(/bob: role Admin in Main Org\., 1 session \(checked \d\d:\d\d:\d\d\)/);
    expect(screen.queryByTestId('session-20')).not.toBeInTheDocument();
  });

  it('shows an action taken while the scan still runs beside the row as Grafana has it now', async () => {
    signInAs({ id: 1, login: 'admin', isGrafanaAdmin: true });
    const grafana = fakeGrafana(seed(), 1);
    // zoe's sessions never come back during this test: the scan is still running when the admin acts.
    grafana.route('GET /api/admin/users/4/auth-tokens', () => new Promise(() => undefined));
    render(<SessionsPage />);
    // While the scan runs, rows render as a transition: on a busy machine that can take more than a second.
    const bobsSession = await screen.findByTestId('session-20', undefined, { timeout: 10_000 });
    await userEvent.click(within(bobsSession).getByRole('button', { name: /Revoke bob's session/ }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke session' }));

    const proof = await within(group('bob')).findByTestId('outcome-proof', undefined, { timeout: 10_000 });
    expect(proof).toHaveTextContent(/bob: role Admin in Main Org\., 1 session \(checked \d\d:\d\d:\d\d\)/);
    expect(screen.queryByTestId('session-20')).not.toBeInTheDocument();
    expect(within(group('bob')).getByRole('button', { name: 'Sign bob out everywhere' })).toHaveTextContent('(1)');
    expect(screen.getByText(/^Scanning… 3 of 4 users/)).toBeInTheDocument();
  });

  it('signs a user out everywhere after a confirmation that counts the sessions', async () => {
    const grafana = await openPage();
    await userEvent.click(within(group('bob')).getByRole('button', { name: 'Sign bob out everywhere' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('Sign bob out everywhere?')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('This ends all 2 sessions of bob');
    await userEvent.click(within(dialog).getByRole('button', { name: 'End 2 sessions of bob' }));

    const proof = await within(group('bob')).findByTestId('outcome-proof');
    expect(proof).toHaveTextContent(/bob: role Admin in Main Org\., 0 sessions \(checked/);
    expect(group('bob')).toHaveTextContent('with no sessions left, this user is otherwise listed only with');
    expect(grafana.requestsTo('POST /api/admin/users/2/logout')).toHaveLength(1);
  });

  it('shows Grafana’s reason when it refuses a sign-out, and the sessions it still lists, re-read', async () => {
    const grafana = await openPage();
    grafana.route('POST /api/admin/users/2/logout', { status: 500, body: { message: 'Failed to logout user' } });
    await userEvent.click(within(group('bob')).getByRole('button', { name: 'Sign bob out everywhere' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'End 2 sessions of bob' }));

    expect(await within(group('bob')).findByText(/Grafana said: 500 Failed to logout user/)).toBeInTheDocument();
    expect(within(group('bob')).getByTestId('outcome-proof')).toHaveTextContent(
      /bob: role Admin in Main Org\., 2 sessions \(checked \d\d:\d\d:\d\d\)/
    );
  });

  it('exports what the filters show with every user’s org roles, also for users not on the screen', async () => {
    const extra: FakeUser[] = Array.from({ length: 30 }, (_, i) => ({
      id: 100 + i,
      login: `user${100 + i}`,
      orgs: [{ ...MAIN, role: 'Viewer' }],
      sessions: [{ id: 1000 + i }],
    }));
    signInAs({ id: 1, login: 'admin', isGrafanaAdmin: true });
    fakeGrafana([...seed(), ...extra], 1);
    const files: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      files.push(blob);
      return 'blob:csv';
    });
    URL.revokeObjectURL = jest.fn();
    const download = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<SessionsPage />);
    await screen.findByText(/^34 users scanned \(read \d\d:\d\d:\d\d\)$/);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(files[0]);
    });
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.filter((line) => line.startsWith('user'))).toHaveLength(30);
    expect(lines.find((line) => line.startsWith('user129,'))).toContain('Main Org.: Viewer');
    expect(csv).not.toContain('not read');
    expect(download).toHaveBeenCalledTimes(1);
    download.mockRestore();
  });

  it('stops asking Grafana for sessions when the admin leaves the page', async () => {
    const many: FakeUser[] = Array.from({ length: 40 }, (_, i) => ({
      id: 200 + i,
      login: `slow${i}`,
      orgs: [{ ...MAIN, role: 'Viewer' }],
      sessions: [],
    }));
    signInAs({ id: 1, login: 'admin', isGrafanaAdmin: true });
    const grafana = fakeGrafana([...many, ...seed()], 1);
    const waiting: Array<() => void> = [];
    for (const user of many) {
      grafana.route(
        `GET /api/admin/users/${user.id}/auth-tokens`,
        () => new Promise((resolve) => waiting.push(() => resolve({ body: [] })))
      );
    }
    const asked = () => grafana.requests.filter((r) => r.path.endsWith('/auth-tokens')).length;
    const { unmount } = render(<SessionsPage />);
    await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
    unmount();
    const askedBeforeLeaving = asked();
    waiting.splice(0).forEach((answer) => answer());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked()).toBe(askedBeforeLeaving);
    expect(askedBeforeLeaving).toBeLessThan(44);
  });

  it('says a JWT user has no Grafana sessions instead of "0 sessions", and offers no sign-out', async () => {
    await openPage();
    await userEvent.click(screen.getByRole('switch', { name: /Show users without sessions/ }));
    const zoe = within(group('zoe'));
    expect(zoe.getByText(/No Grafana sessions \(token-less auth: JWT\)/)).toBeInTheDocument();
    expect(zoe.getByRole('button', { name: /Sign zoe out everywhere: not possible/ })).toBeDisabled();
    expect(zoe.getByRole('button', { name: /Sign zoe out everywhere: not possible/ })).not.toHaveTextContent('(0)');
  });

  it('hides users without sessions until asked', async () => {
    await openPage();
    expect(screen.queryByTestId('user-zoe')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('switch', { name: /Show users without sessions/ }));
    expect(screen.getByTestId('user-zoe')).toBeInTheDocument();
  });

  it('filters by text across login and IP address', async () => {
    await openPage();
    await userEvent.type(screen.getByPlaceholderText(/Search login/), '10.0.0.30');
    expect(screen.getByTestId('user-dana')).toBeInTheDocument();
    expect(screen.queryByTestId('user-bob')).not.toBeInTheDocument();
  });
});

describe('Sessions page at scale', () => {
  it('shows a failing user as that user’s error with a retry, and the retry loads the sessions', async () => {
    signInAs({ id: 1, login: 'admin', isGrafanaAdmin: true });
    const users = seed();
    const grafana = fakeGrafana(users, 1);
    grafana.route('GET /api/admin/users/2/auth-tokens', {
      status: 500,
      body: { message: 'Failed to get user auth tokens' },
    });
    render(<SessionsPage />);
    const failure = await within(await screen.findByTestId('user-bob')).findByRole('alert');
    expect(failure).toHaveTextContent('Could not load sessions (500 Failed to get user auth tokens)');
    expect(screen.getByTestId('user-dana')).toBeInTheDocument();

    fakeGrafana(users, 1); // Grafana recovers
    await userEvent.click(within(failure).getByRole('button', { name: "Retry loading bob's sessions" }));
    expect(await within(screen.getByTestId('user-bob')).findByText('10.0.0.21')).toBeInTheDocument();
  });

  it('keeps the filters in the URL and restores them from it', async () => {
    const { filterFromQuery, filterToQuery } = await import('../hooks/useFilterInUrl');
    const filter = { ...filterFromQuery({}), ip: '10.20.', browser: 'Chrome', orgId: 2, sort: 'login' as const };
    expect(filterToQuery(filter)).toMatchObject({
      ip: '10.20.',
      browser: 'Chrome',
      org: '2',
      sort: 'login',
      q: undefined,
    });
    expect(filterFromQuery(filterToQuery(filter) as Record<string, unknown>)).toEqual(filter);
  });

  it('revokes every session an IP-prefix filter shows, after one confirmation, and reports the result', async () => {
    signInAs({ id: 1, login: 'admin', isGrafanaAdmin: true });
    const users = seed();
    users[1].sessions = [
      { id: 20, clientIp: '203.0.113.5' },
      { id: 21, clientIp: '10.0.0.21' },
    ];
    users[2].sessions = [{ id: 30, clientIp: '203.0.113.9' }];
    const grafana = fakeGrafana(users, 1);
    render(<SessionsPage />);
    await screen.findByText(/users scanned \(read/);
    await userEvent.type(screen.getByLabelText('IP'), '203.0.113.');
    await userEvent.click(screen.getByRole('button', { name: 'Revoke 2 shown sessions' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Revoke 2 sessions of 2 users?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke 2 sessions' }));

    expect((await screen.findAllByText(/Done: Revoke 2 shown sessions of 2 users/))[0]).toBeInTheDocument();
    expect(grafana.requestsTo('POST /api/admin/users/2/revoke-auth-token').map((r) => r.data)).toEqual([
      { authTokenId: 20 },
    ]);
    expect(grafana.requestsTo('POST /api/admin/users/3/revoke-auth-token').map((r) => r.data)).toEqual([
      { authTokenId: 30 },
    ]);
    expect(users[1].sessions.map((s) => s.id)).toEqual([21]);
  });
});
