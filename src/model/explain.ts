// Turns a Grafana refusal into Grafana's own words plus what the admin can do next.
import { GrafanaApiError } from '../api/errors';

export interface Explanation {
  /** Grafana's message, with the HTTP status. */
  grafanaSaid: string;
  /** What to try next, in plain words. */
  next: string;
}

function nextStep(error: GrafanaApiError): string {
  const message = error.message.toLowerCase();
  if (error.messageId === 'org.externallySynced' || message.includes('externally synced')) {
    return 'Grafana treats this user’s roles as managed by their login provider. Change the group or role mapping at the provider, or set skip_org_role_sync = true in the provider’s section ([auth.ldap] for LDAP) and restart Grafana.';
  }
  if (message.includes('refusing to sync grafana super admin')) {
    return 'Grafana will not disable its own admin account ([security] admin_user) although LDAP no longer has it. Nothing changed; add the account back to LDAP or keep it as a local admin.';
  }
  if (message.includes('ldap is not enabled')) {
    return 'LDAP is off in this Grafana: enable [auth.ldap] in grafana.ini and restart Grafana.';
  }
  if (message.includes('no user was found in the ldap server')) {
    return 'LDAP has no such user. "Apply LDAP now" (or their next login) makes Grafana disable the account.';
  }
  if (
    message.includes('something went wrong while finding the user in ldap') ||
    message.includes('failed to connect to the ldap')
  ) {
    return 'Grafana could not search LDAP: check the LDAP server status at the top of the page and the Grafana server log, then try again.';
  }
  if (error.status === 404 && error.url.includes('/ldap/sync/')) {
    return 'Grafana has no LDAP login record for this user (they never signed in through LDAP), so there is nothing to apply.';
  }
  if (message.includes('no organization admin left')) {
    return 'Make another member Admin of this org first, then change this role.';
  }
  if (message.includes('last grafana admin')) {
    return 'Make another user a server admin first.';
  }
  if (message.includes('cannot revoke active user auth token')) {
    return 'That is your own current session; sign out from your profile menu instead.';
  }
  if (message.includes('cannot logout yourself')) {
    return 'Revoke your other sessions one by one instead.';
  }
  if (message.includes('auth token not found')) {
    return 'The session had already ended. The list has been refreshed.';
  }
  if (error.status === 401) {
    return 'Your own Grafana session has ended. Reload the page and sign in again.';
  }
  if (error.status === 403) {
    const permission = error.missingPermission ? ` (${error.missingPermission})` : '';
    return `Your account lacks the permission${permission}. Ask a Grafana server admin to do this, or to make you one.`;
  }
  if (error.status === 404) {
    return 'The user no longer exists in Grafana. Refresh the list.';
  }
  if (error.status === 409) {
    return 'Another user has the same login or email. Fix the duplicate in Administration › Users first.';
  }
  if (error.status === 0) {
    return 'Check that Grafana is reachable, then try again.';
  }
  if (error.status >= 500) {
    return 'Try again; if it keeps failing, the Grafana server log has the cause.';
  }
  return 'Check the values and try again.';
}

export function explainError(error: unknown): Explanation {
  if (error instanceof GrafanaApiError) {
    const status = error.status ? `${error.status} ` : '';
    return { grafanaSaid: `${status}${error.message}`.trim(), next: nextStep(error) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { grafanaSaid: message, next: 'Try again.' };
}
