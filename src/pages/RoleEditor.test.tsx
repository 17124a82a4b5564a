import React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fakeGrafana, FakeUser } from '../test/fakeGrafana';
import { signInAs } from '../test/grafanaJson';
import { SessionsPage } from './SessionsPage';

function seed(): FakeUser[] {
  return [
    {
      id: 1,
      login: 'admin',
      isServerAdmin: true,
      orgs: [{ orgId: 1, name: 'Main Org.', role: 'Admin' }],
      sessions: [{ id: 10, isActive: true }],
    },
    {
      id: 2,
      login: 'bob',
      orgs: [
        { orgId: 1, name: 'Main Org.', role: 'Admin' },
        { orgId: 2, name: 'Ops', role: 'Editor' },
      ],
      sessions: [{ id: 20 }, { id: 21 }],
    },
    {
      id: 3,
      login: 'dana',
      authLabels: ['LDAP'],
      isExternallySynced: true,
      orgs: [{ orgId: 1, name: 'Main Org.', role: 'Admin' }],
      sessions: [{ id: 30 }],
    },
  ];
}

async function openEditor(login: string, users = seed()) {
  signInAs({ id: 1, login: 'admin', isGrafanaAdmin: true });
  const grafana = fakeGrafana(users, 1);
  render(<SessionsPage />);
  await screen.findByText(new RegExp(`^${users.length} users scanned \\(read \\d\\d:\\d\\d:\\d\\d\\)$`));
  await userEvent.click(screen.getByRole('button', { name: `Edit roles of ${login}` }));
  const title = await screen.findByRole('heading', { name: `Roles of ${login}` });
  const drawer = title.closest<HTMLElement>('[role="dialog"]')!;
  await within(drawer).findByText(/Role in Main Org\./);
  return { grafana, drawer: within(drawer) };
}

describe('Role editor', () => {
  it('lowers an org role, preselects sign-out for a demotion, and proves the result', async () => {
    const { grafana, drawer } = await openEditor('bob');
    await userEvent.click(
      within(drawer.getByRole('radiogroup', { name: 'Role in Main Org.' })).getByLabelText('Viewer')
    );
    expect(drawer.getByRole('checkbox', { name: /Sign bob out everywhere after saving \(2 sessions\)/ })).toBeChecked();
    await userEvent.click(drawer.getByRole('button', { name: 'Change role and sign out' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(grafana.requestsTo('PATCH /api/orgs/1/users/2')[0].data).toEqual({ role: 'Viewer' });
    expect(grafana.requestsTo('PATCH /api/orgs/2/users/2')).toHaveLength(0);
    expect(grafana.requestsTo('POST /api/admin/users/2/logout')).toHaveLength(1);
    const proof = within(screen.getByTestId('user-bob')).getByTestId('outcome-proof');
    expect(proof).toHaveTextContent(/bob: role Viewer in Main Org\., Editor in Ops, 0 sessions \(checked/);
  });

  it('changes a role in an org the user is not using, and keeps the sessions unless asked: Grafana applies it at the user’s next request (field case 9)', async () => {
    const kim: FakeUser = {
      id: 4,
      login: 'kim',
      orgs: [
        { orgId: 1, name: 'Main Org.', role: 'Viewer' },
        { orgId: 2, name: 'Ops', role: 'Admin' },
      ],
      sessions: [{ id: 40 }, { id: 41 }],
    };
    const users = [...seed(), kim];
    users[1].orgs[1].role = 'Admin'; // bob: Ops keeps an Admin, so Grafana accepts the change
    const { grafana, drawer } = await openEditor('kim', users);
    await userEvent.click(
      within(await drawer.findByRole('radiogroup', { name: 'Role in Ops' })).getByLabelText('Viewer')
    );
    const signOut = drawer.getByRole('checkbox', { name: /Sign kim out everywhere after saving \(2 sessions\)/ });
    await userEvent.click(signOut);
    expect(signOut).not.toBeChecked();
    await userEvent.click(drawer.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(grafana.requestsTo('PATCH /api/orgs/2/users/4')[0].data).toEqual({ role: 'Viewer' });
    expect(grafana.requestsTo('PATCH /api/orgs/1/users/4')).toHaveLength(0);
    expect(grafana.requestsTo('POST /api/admin/users/4/logout')).toHaveLength(0);
    expect(within(screen.getByTestId('user-kim')).getByTestId('outcome-proof')).toHaveTextContent(
      /kim: role Viewer in Main Org\., Viewer in Ops, 2 sessions \(checked/
    );
  });

  it('locks the controls of an LDAP-synced user and says what to change instead', async () => {
    const { drawer } = await openEditor('dana');
    expect(drawer.getByText('Org roles are managed outside Grafana')).toBeInTheDocument();
    expect(drawer.getByText(/LDAP manages this user’s org roles/)).toHaveTextContent(
      'skip_org_role_sync = true in [auth.ldap]'
    );
    expect(
      within(drawer.getByRole('radiogroup', { name: 'Role in Main Org.' })).getByLabelText('Viewer')
    ).toBeDisabled();
    expect(drawer.getByRole('switch', { name: 'Grafana server admin' })).toBeDisabled();
    // Nothing here can be saved, so nothing offers to sign out "after saving".
    expect(drawer.queryByRole('checkbox', { name: /Sign dana out everywhere after saving/ })).not.toBeInTheDocument();
  });

  it.each([
    [
      'a provider sync Grafana reports only on write',
      { status: 403, body: { message: 'Cannot change role for externally synced user' } },
      /skip_org_role_sync/,
    ],
    [
      'the last org admin',
      { status: 400, body: { message: 'Cannot change role so that there is no organization admin left' } },
      /Make another member Admin of this org first/,
    ],
  ])(
    'touches no session when Grafana refuses the role change (%s), and shows its reason',
    async (_case, refusal, next) => {
      const users = seed();
      users[1].roleChangeRefusal = refusal;
      const { grafana, drawer } = await openEditor('bob', users);
      await userEvent.click(
        within(drawer.getByRole('radiogroup', { name: 'Role in Main Org.' })).getByLabelText('Viewer')
      );
      await userEvent.click(drawer.getByRole('button', { name: 'Change role and sign out' }));

      expect(await drawer.findByText(/Failed: Change bob's roles and sign out/)).toBeInTheDocument();
      expect(drawer.getByText(/Role in Main Org\. NOT changed \(still Admin\)/)).toBeInTheDocument();
      expect(drawer.getByText('Sessions left untouched because a role change was refused.')).toBeInTheDocument();
      expect(drawer.getByText(/What to do:/)).toHaveTextContent(next);
      expect(drawer.getByTestId('outcome-proof')).toHaveTextContent(
        /bob: role Admin in Main Org\., Editor in Ops, 2 sessions/
      );
      expect(grafana.requestsTo('POST /api/admin/users/2/logout')).toHaveLength(0);
    }
  );
});

describe('Role editor with several changes', () => {
  it('changes an org role and removes server admin in one save', async () => {
    const users = seed();
    users[1].isServerAdmin = true;
    const { grafana, drawer } = await openEditor('bob', users);
    await userEvent.click(within(drawer.getByRole('radiogroup', { name: 'Role in Ops' })).getByLabelText('Viewer'));
    await userEvent.click(drawer.getByRole('switch', { name: 'Grafana server admin' }));
    expect(drawer.getByRole('switch', { name: 'Grafana server admin' })).not.toBeChecked();
    await userEvent.click(drawer.getByRole('button', { name: 'Change role and sign out' }));
    await waitFor(() => expect(grafana.requestsTo('PUT /api/admin/users/2/permissions')).toHaveLength(1));
    expect(grafana.requestsTo('PUT /api/admin/users/2/permissions')[0].data).toEqual({ isGrafanaAdmin: false });
    expect(grafana.requestsTo('PATCH /api/orgs/2/users/2')[0].data).toEqual({ role: 'Viewer' });
  });
});

describe('Role editor warnings', () => {
  it('says before saving that Grafana refuses to leave an org without an Admin, and does not offer the save', async () => {
    const users = seed();
    users[1].orgs[1].role = 'Admin'; // bob is the only Admin of Ops
    const { grafana, drawer } = await openEditor('bob', users);
    await userEvent.click(within(drawer.getByRole('radiogroup', { name: 'Role in Ops' })).getByLabelText('Viewer'));
    expect(await drawer.findByText('Grafana will refuse this')).toBeInTheDocument();
    expect(drawer.getByText(/Ops would have no Admin left/)).toBeInTheDocument();
    expect(drawer.getByRole('button', { name: 'Change role and sign out' })).toBeDisabled();
    expect(grafana.requestsTo('PATCH /api/orgs/2/users/2')).toHaveLength(0);
  });

  it('warns an admin who lowers their own rights', async () => {
    const { drawer } = await openEditor('admin');
    await userEvent.click(
      within(drawer.getByRole('radiogroup', { name: 'Role in Main Org.' })).getByLabelText('Viewer')
    );
    expect(drawer.getByText(/This is you: you are lowering your own rights/)).toBeInTheDocument();
  });

  it('tells an admin removing their own server admin flag that they lose this page', async () => {
    const { drawer } = await openEditor('admin');
    await userEvent.click(drawer.getByRole('switch', { name: 'Grafana server admin' }));
    expect(drawer.getByText(/This is you: without the server admin flag you lose this page/)).toBeInTheDocument();
  });
});
