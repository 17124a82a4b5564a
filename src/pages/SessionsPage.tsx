import React from 'react';
import { config, PluginPage } from '@grafana/runtime';

import { InventoryView } from '../components/InventoryView';
import { NotServerAdmin } from '../components/NotServerAdmin';

const SUBTITLE =
  'Every user’s active Grafana sessions. Revoke one, sign a user out everywhere, or change their roles; each result is re-read from Grafana.';

export function SessionsPage() {
  const viewer = config.bootData.user;
  return (
    <PluginPage
      subTitle={viewer.isGrafanaAdmin ? SUBTITLE : 'Grafana sessions of every user, for Grafana server admins.'}
    >
      {viewer.isGrafanaAdmin ? (
        <InventoryView viewerId={viewer.id} />
      ) : (
        <NotServerAdmin login={viewer.login} orgRole={viewer.orgRole} />
      )}
    </PluginPage>
  );
}
