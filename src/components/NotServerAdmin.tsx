import React from 'react';
import { Alert } from '@grafana/ui';

interface Props {
  login: string;
  orgRole?: string;
  /** Grafana's refusal when the check came from the API rather than boot data. */
  grafanaSaid?: string;
}

/** Shown instead of the inventory to anyone Grafana would refuse: one explanation, no error cascade. */
export function NotServerAdmin({ login, orgRole, grafanaSaid }: Props) {
  return (
    <Alert severity="info" title="Session Control needs a Grafana server admin">
      <p>
        You are signed in as <strong>{login}</strong>
        {orgRole ? ` (${orgRole} in this organization)` : ''}, which is not a Grafana server admin. Grafana only lets
        server admins list and end other users&apos; sessions and change their server-wide roles. Being Admin of an
        organization is not enough.
      </p>
      {grafanaSaid && <p>Grafana answered: {grafanaSaid}</p>}
      <p>
        Ask a Grafana server admin to do what you need, or to grant you server admin in Administration › Users and
        access › Users.
      </p>
    </Alert>
  );
}
