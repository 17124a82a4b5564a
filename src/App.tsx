import React from 'react';
import { AppRootProps } from '@grafana/data';

import { SessionsPage } from './pages/SessionsPage';

/** The app has one page; Grafana routes every /a/sessioncontrol-admin-app/* path here. */
export function App(_props: AppRootProps) {
  return <SessionsPage />;
}
