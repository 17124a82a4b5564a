// Must stay the first import: it completes window.grafanaBootData before @grafana/runtime reads it.
import './bootData';

import React from 'react';
import { createRoot } from 'react-dom/client';

import { getSystemJS, provideSharedModules } from './plugin/systemjs';
import { sharedModules } from './plugin/sharedModules';
import { registerServices } from './services';
import { Shell } from './Shell';

registerServices();
provideSharedModules(getSystemJS(), sharedModules);

const container = document.getElementById('sandbox-root');
if (!container) {
  throw new Error('index.html has no element with id "sandbox-root"');
}
createRoot(container).render(<Shell />);
