import { expect, test } from '@grafana/plugin-e2e';

import { screenshot } from '../e2e/helpers';
import { findUser, ldapModify, moveBetweenGroups, openSessions, signedInAs } from './helpers';

// LDAP against the compose file's OpenLDAP: the directory is changed with `docker compose exec ldap ldapmodify`.

const ADMINS = 'cn=admins,ou=groups,dc=example,dc=com';

test('dana is Admin through an LDAP group by mistake: the directory is fixed, the page shows the drift, Apply LDAP now makes her Viewer and signs her out', async ({
  gotoAppPage,
  page,
}) => {
  // Start from the demo's directory, and a Grafana that has applied it at her last login.
  ldapModify(moveBetweenGroups('dana', 'viewers', 'admins'));
  const dana = await signedInAs('dana');
  try {
    await openSessions(gotoAppPage, page);
    const danaRows = await findUser(page, 'dana');
    await expect(danaRows.getByText('Main Org.: Admin')).toBeVisible();

    // Her roles are LDAP's: the editor is locked and names the group that grants Admin.
    await danaRows.getByRole('button', { name: 'Edit roles of dana' }).click();
    const drawer = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Roles of dana' }) });
    await expect(drawer.getByText('Org roles are managed outside Grafana')).toBeVisible();
    await expect(drawer.getByTestId('ldap-grants')).toContainText(`LDAP grants Admin through group ${ADMINS}`);
    await drawer.getByRole('button', { name: 'Cancel' }).click();

    // The directory's administrator moves her to the viewers group; Grafana learns it only at a login or a sync.
    ldapModify(moveBetweenGroups('dana', 'admins', 'viewers'));
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByPlaceholder(/Search login/).fill('');
    await page.getByText('LDAP drift', { exact: true }).click();
    await expect(page.getByTestId('ldap-drift-dana')).toContainText('LDAP: Viewer in Main Org.');
    await screenshot(page, 'grafana-ldap-drift');

    await danaRows.getByRole('button', { name: 'Apply LDAP now to dana and sign out' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Apply LDAP to dana now?' });
    await confirm.getByRole('button', { name: 'Apply LDAP and sign out' }).click();
    await expect(danaRows.getByTestId('outcome-proof')).toContainText(
      /dana: role Viewer in Main Org\., 0 sessions \(checked \d\d:\d\d:\d\d\)/
    );
    await screenshot(page, 'grafana-ldap-applied');
    expect((await dana.get('/api/user/auth-tokens')).status()).toBe(401);
  } finally {
    // Back to the demo: admins again, applied by a fresh login.
    ldapModify(moveBetweenGroups('dana', 'viewers', 'admins'));
    await signedInAs('dana');
  }
});
