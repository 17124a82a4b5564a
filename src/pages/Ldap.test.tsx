import React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { config, locationService } from '@grafana/runtime';

import { fakeGrafana, FakeLdap, FakeUser } from '../test/fakeGrafana';
import { signInAs } from '../test/grafanaJson';
import { ldapUserJson } from '../test/ldapJson';
import { SessionsPage } from './SessionsPage';

const VIEWERS = 'cn=viewers,ou=groups,dc=example,dc=com';
const main = (role: string) => ({ orgId: 1, name: 'Main Org.', role });

function seed(): FakeUser[] {
  return [
    { id: 1, login: 'admin', isServerAdmin: true, orgs: [main('Admin')], sessions: [{ id: 10, isActive: true }] },
    // dana is Admin by mistake; the directory now puts her in the viewers group
    {
      id: 2,
      login: 'dana',
      authLabels: ['LDAP'],
      isExternallySynced: true,
      orgs: [main('Admin')],
      sessions: [{ id: 20 }, { id: 21 }],
    },
    {
      id: 3,
      login: 'hank',
      authLabels: ['LDAP'],
      isExternallySynced: true,
      orgs: [main('Viewer')],
      sessions: [{ id: 30 }],
    },
    {
      id: 4,
      login: 'dave',
      authLabels: ['LDAP'],
      isExternallySynced: true,
      orgs: [main('Viewer'), { orgId: 3, name: 'Sandbox', role: 'Admin' }],
      sessions: [{ id: 40 }],
    },
    { id: 5, login: 'bob', orgs: [main('Editor')], sessions: [{ id: 50 }] },
  ];
}

function ldapDirectory(): FakeLdap {
  return {
    users: {
      dana: ldapUserJson('dana', [{ orgId: 1, orgName: 'Main Org.', orgRole: 'Viewer', groupDN: VIEWERS }]),
      hank: ldapUserJson('hank', [{ orgId: 1, orgName: 'Main Org.', orgRole: 'Viewer', groupDN: VIEWERS }]),
      dave: ldapUserJson('dave', [{ orgId: 1, orgName: 'Main Org.', orgRole: 'Viewer', groupDN: '*' }]),
    },
  };
}

async function openPage(ldap = ldapDirectory(), users = seed(), { ldapEnabled = true, search = '' } = {}) {
  config.ldapEnabled = ldapEnabled;
  signInAs({ id: 1, login: 'admin', isGrafanaAdmin: true });
  if (search) {
    locationService.replace(`/a/sessioncontrol-admin-app/sessions?${search}`);
  }
  const grafana = fakeGrafana(users, 1, ldap);
  render(<SessionsPage />);
  await screen.findByText(/^5 users scanned \(read \d\d:\d\d:\d\d\)$/);
  return grafana;
}

const group = (login: string) => within(screen.getByTestId(`user-${login}`));

afterEach(() => {
  config.ldapEnabled = false;
});

describe('LDAP on the Sessions page', () => {
  it('shows the LDAP servers once, and LDAP actions only for LDAP users', async () => {
    await openPage();
    expect(await screen.findByTestId('ldap-status')).toHaveTextContent('LDAP is on: ldap.example.com:389 reachable');
    expect(group('dana').getByRole('button', { name: 'Apply LDAP now to dana and sign out' })).toBeInTheDocument();
    expect(group('bob').queryByRole('button', { name: /Apply LDAP now/ })).not.toBeInTheDocument();
  });

  it('shows nothing LDAP-specific and asks Grafana nothing about LDAP when LDAP is off', async () => {
    const grafana = await openPage(ldapDirectory(), seed(), { ldapEnabled: false });
    expect(screen.queryByTestId('ldap-status')).not.toBeInTheDocument();
    expect(screen.queryByRole('switch', { name: /LDAP drift/ })).not.toBeInTheDocument();
    expect(group('dana').queryByRole('button', { name: /Apply LDAP now/ })).not.toBeInTheDocument();
    expect(group('dana').queryByRole('button', { name: /Check LDAP/ })).not.toBeInTheDocument();
    expect(grafana.requests.filter((r) => r.path.startsWith('/api/admin/ldap'))).toEqual([]);
  });

  it('shows the drift of a link that has the LDAP drift filter on, without touching the switch', async () => {
    await openPage(ldapDirectory(), seed(), { search: 'ldapDrift=true' });
    expect(await screen.findByTestId('ldap-drift-dana')).toHaveTextContent('LDAP: Viewer in Main Org.');
    expect(screen.getByRole('switch', { name: /LDAP drift/ })).toBeChecked();
    expect(screen.queryByTestId('user-hank')).not.toBeInTheDocument();
  });

  it('finds the drift again after Refresh with the LDAP drift filter on', async () => {
    await openPage();
    await userEvent.click(screen.getByRole('switch', { name: /LDAP drift/ }));
    expect(await screen.findByTestId('ldap-drift-dana')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Refresh/ }));
    expect(await screen.findByTestId('ldap-drift-dana')).toHaveTextContent('LDAP: Viewer in Main Org.');
  });

  it('finds the drift of an LDAP user who has no sessions', async () => {
    const users = seed();
    users[1].sessions = [];
    await openPage(ldapDirectory(), users, { search: 'ldapDrift=true' });
    expect(await screen.findByTestId('ldap-drift-dana')).toHaveTextContent('LDAP: Viewer in Main Org.');
  });

  it('warns when an LDAP server is unreachable, with Grafana’s error', async () => {
    const ldap = ldapDirectory();
    ldap.servers = [{ host: 'ldap2.example.com', port: 636, available: false, error: 'dial tcp: i/o timeout' }];
    await openPage(ldap);
    expect(await screen.findByText('LDAP: 1 of 1 servers unreachable')).toBeInTheDocument();
    expect(screen.getByText(/ldap2.example.com:636: dial tcp: i\/o timeout/)).toBeInTheDocument();
  });

  it('filters to LDAP drift: dana (Admin, LDAP maps Viewer) but not hank, whose role matches', async () => {
    const grafana = await openPage();
    await userEvent.click(screen.getByRole('switch', { name: /LDAP drift/ }));
    expect(await screen.findByTestId('ldap-drift-dana')).toHaveTextContent('LDAP: Viewer in Main Org.');
    expect(screen.queryByTestId('user-hank')).not.toBeInTheDocument();
    expect(screen.queryByTestId('user-bob')).not.toBeInTheDocument();
    // only LDAP users were looked up
    expect(
      grafana.requests.filter((r) => r.path.startsWith('/api/admin/ldap/') && r.path !== '/api/admin/ldap/status')
    ).toHaveLength(3);
  });

  it('flags an LDAP user who is the only Admin of an org no mapping covers (field case 4)', async () => {
    await openPage();
    await userEvent.click(group('dave').getByRole('button', { name: 'Check what LDAP maps dave to' }));
    expect(await group('dave').findByText('Sole admin of Sandbox, which LDAP does not map')).toBeInTheDocument();
  });

  it('locks the editor and names the group that grants each role (field case 2)', async () => {
    await openPage();
    await userEvent.click(group('dana').getByRole('button', { name: 'Edit roles of dana' }));
    const title = await screen.findByRole('heading', { name: 'Roles of dana' });
    const drawer = within(title.closest<HTMLElement>('[role="dialog"]')!);
    expect(await drawer.findByTestId('ldap-grants')).toHaveTextContent(
      `Main Org.: Admin in Grafana — LDAP grants Viewer through group ${VIEWERS}`
    );
    expect(drawer.getByText(/re-applies these at every LDAP login/)).toBeInTheDocument();
    expect(
      within(drawer.getByRole('radiogroup', { name: 'Role in Main Org.' })).getByLabelText('Viewer')
    ).toBeDisabled();
    expect(drawer.getByText(/^Read-only here: set by the login provider/)).toBeInTheDocument();
  });

  it('says LDAP does not manage roles when Grafana reports the user as not synced (skip_org_role_sync)', async () => {
    const users = seed();
    users[1].isExternallySynced = false;
    await openPage(ldapDirectory(), users);
    await userEvent.click(group('dana').getByRole('button', { name: 'Edit roles of dana' }));
    expect(await screen.findByText('LDAP does not manage this user’s roles')).toBeInTheDocument();
    expect(
      within(screen.getByRole('radiogroup', { name: 'Role in Main Org.' })).getByLabelText('Viewer')
    ).toBeEnabled();
    expect(screen.queryByText(/Read-only here/)).not.toBeInTheDocument();
  });

  it('applies LDAP now, then signs the user out, then shows the verified result', async () => {
    const grafana = await openPage();
    await userEvent.click(group('dana').getByRole('button', { name: 'Apply LDAP now to dana and sign out' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('then ends all 2 sessions of dana');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply LDAP and sign out' }));

    const proof = await group('dana').findByTestId('outcome-proof');
    expect(proof).toHaveTextContent(/dana: role Viewer in Main Org\., 0 sessions \(checked/);
    const order = grafana.requests.filter((r) => r.method === 'POST').map((r) => r.path);
    expect(order).toEqual(['/api/admin/ldap/sync/2', '/api/admin/users/2/logout']);
  });

  it('counts Grafana’s "not found in LDAP" 400 as done: the user is disabled and signed out, no extra logout', async () => {
    const ldap = ldapDirectory();
    const users = seed();
    ldap.sync = {
      2: () => {
        users[1].sessions = []; // Grafana disables the user, which revokes every session
        return {
          status: 400,
          body: { message: 'User not found in LDAP. Disabled the user without updating information' },
        };
      },
    };
    const grafana = await openPage(ldap, users);
    await userEvent.click(group('dana').getByRole('button', { name: 'Apply LDAP now to dana and sign out' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Apply LDAP and sign out' }));

    expect(await group('dana').findByText(/Done: Apply LDAP now to dana/)).toBeInTheDocument();
    expect(group('dana').getByText(/LDAP no longer has this user: Grafana disabled the account/)).toBeInTheDocument();
    expect(group('dana').getByTestId('outcome-proof')).toHaveTextContent(/dana: role Admin in Main Org\., 0 sessions/);
    expect(grafana.requestsTo('POST /api/admin/users/2/logout')).toHaveLength(0);
  });

  it('shows the refusal to disable Grafana’s own admin account and touches no session', async () => {
    const ldap = ldapDirectory();
    ldap.sync = {
      2: { status: 400, body: { message: 'Refusing to sync grafana super admin "dana" - it would be disabled' } },
    };
    const grafana = await openPage(ldap);
    await userEvent.click(group('dana').getByRole('button', { name: 'Apply LDAP now to dana and sign out' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Apply LDAP and sign out' }));

    expect(await group('dana').findByText(/Failed: Apply LDAP now to dana/)).toBeInTheDocument();
    expect(group('dana').getByText(/What to do:/)).toHaveTextContent('Grafana will not disable its own admin account');
    await waitFor(() => expect(grafana.requestsTo('POST /api/admin/users/2/logout')).toHaveLength(0));
  });
});

describe('every answer of the LDAP lookups is shown', () => {
  it.each([
    [
      { status: 404, body: { message: 'No user was found in the LDAP server(s) with that username' } },
      /Not in LDAP/,
      /disables this account/,
    ],
    [
      { status: 400, body: { message: 'An organization was not found - Please verify your LDAP configuration' } },
      /LDAP check failed/,
      /Grafana said: 400 An organization was not found/,
    ],
    [
      { status: 400, body: { message: 'Unable to find the teams for this user' } },
      /LDAP check failed/,
      /Unable to find the teams/,
    ],
    [{ status: 400, body: { message: 'LDAP is not enabled' } }, /LDAP check failed/, /enable \[auth\.ldap\]/],
    [
      { status: 400, body: { message: 'Validation error. You must specify an username' } },
      /LDAP check failed/,
      /You must specify an username/,
    ],
  ])('GET /api/admin/ldap/:username answering %j', async (answer, badge, detail) => {
    const ldap = ldapDirectory();
    const grafana = await openPage(ldap);
    grafana.route('GET /api/admin/ldap/hank', answer);
    await userEvent.click(group('hank').getByRole('button', { name: 'Check what LDAP maps hank to' }));
    expect(await group('hank').findByText(badge)).toBeInTheDocument();
    expect(group('hank').getByText(detail)).toBeInTheDocument();
  });

  it.each([
    [
      { status: 400, body: { message: 'Failed to connect to the LDAP server(s)' } },
      /Failed to connect to the LDAP server/,
    ],
    [{ status: 500, body: { message: 'Failed to find the LDAP server' } }, /500 Failed to find the LDAP server/],
    [{ status: 400, body: { message: 'LDAP is not enabled' } }, /400 LDAP is not enabled/],
  ])('GET /api/admin/ldap/status answering %j', async (answer, text) => {
    config.ldapEnabled = true;
    signInAs({ id: 1, login: 'admin', isGrafanaAdmin: true });
    fakeGrafana(seed(), 1, ldapDirectory()).route('GET /api/admin/ldap/status', answer);
    render(<SessionsPage />);
    expect(await screen.findByText('Could not read the LDAP server status')).toBeInTheDocument();
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it.each([
    [{ status: 404, body: { message: 'user not found' } }, /no LDAP login record/],
    [
      { status: 400, body: { message: 'Something went wrong while finding the user in LDAP' } },
      /could not search LDAP/,
    ],
    [{ status: 500, body: { message: 'Failed to update the user' } }, /Grafana server log/],
    [{ status: 400, body: { message: 'LDAP is not enabled' } }, /enable \[auth\.ldap\] in grafana\.ini/],
    [{ status: 400, body: { message: 'id is invalid' } }, /Check the values and try again/],
  ])('POST /api/admin/ldap/sync/:id answering %j', async (answer, next) => {
    const ldap = ldapDirectory();
    ldap.sync = { 3: answer };
    const grafana = await openPage(ldap);
    await userEvent.click(group('hank').getByRole('button', { name: 'Apply LDAP now to hank and sign out' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Apply LDAP and sign out' }));
    expect(await group('hank').findByText(/Failed: Apply LDAP now to hank/)).toBeInTheDocument();
    expect(group('hank').getByText(/What to do:/)).toHaveTextContent(next);
    expect(grafana.requestsTo('POST /api/admin/users/3/logout')).toHaveLength(0);
  });
});
