import React from 'react';
import { Alert, Text } from '@grafana/ui';

import { Ldap } from '../hooks/useLdap';

/** LDAP's state once per page: nothing at all when LDAP is off. */
export function LdapStatus({ ldap }: { ldap: Ldap }) {
  if (!ldap.enabled) {
    return null;
  }
  if (ldap.statusError) {
    return (
      <Alert severity="warning" title="Could not read the LDAP server status">
        Grafana said: {ldap.statusError.grafanaSaid}. {ldap.statusError.next}
      </Alert>
    );
  }
  if (!ldap.servers) {
    return <Text color="secondary">Checking LDAP servers…</Text>;
  }
  const down = ldap.servers.filter((s) => !s.available);
  const names = ldap.servers.map((s) => `${s.host}:${s.port}`).join(', ');
  if (down.length === 0) {
    return (
      <Text color="secondary" data-testid="ldap-status">
        LDAP is on: {names} reachable. LDAP users get the roles of their group mappings at every login.
      </Text>
    );
  }
  return (
    <Alert severity="warning" title={`LDAP: ${down.length} of ${ldap.servers.length} servers unreachable`}>
      {down.map((s) => (
        <div key={`${s.host}:${s.port}`}>
          {s.host}:{s.port}: {s.error || 'not reachable'}
        </div>
      ))}
      <div>While no server answers, LDAP users cannot sign in and &quot;Apply LDAP now&quot; fails.</div>
    </Alert>
  );
}
