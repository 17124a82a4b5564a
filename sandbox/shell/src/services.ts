// The services Grafana registers in @grafana/runtime at start-up, reduced to what a plugin page can call.
import { EventBusSrv, locationUtil } from '@grafana/data';
import {
  config,
  setAppEvents,
  setBackendSrv,
  setChromeHeaderHeightHook,
  setCurrentUser,
  setPluginComponentHook,
  setPluginComponentsHook,
  setPluginExtensionGetter,
  setPluginExtensionsHook,
  setPluginFunctionsHook,
  setPluginLinksHook,
  setReturnToPreviousHook,
} from '@grafana/runtime';

import { SandboxBackendSrv } from './backendSrv';
import { CHROME_HEADER_HEIGHT } from './chrome/layout';

export function registerServices() {
  locationUtil.initialize({
    config,
    getTimeRangeForUrl: () => ({ from: 'now-6h', to: 'now' }),
    getVariablesUrlParams: () => ({}),
  });
  setBackendSrv(new SandboxBackendSrv());
  setAppEvents(new EventBusSrv());
  setCurrentUser(config.bootData.user);
  setChromeHeaderHeightHook(() => CHROME_HEADER_HEIGHT);
  setReturnToPreviousHook(() => () => {});

  // No other plugins run in the sandbox, so every extension point is empty.
  setPluginExtensionGetter(() => ({ extensions: [] }));
  setPluginExtensionsHook(() => ({ extensions: [], isLoading: false }));
  setPluginLinksHook(() => ({ links: [], isLoading: false }));
  setPluginComponentsHook(() => ({ components: [], isLoading: false }));
  setPluginComponentHook(() => ({ component: null, isLoading: false }));
  setPluginFunctionsHook(() => ({ functions: [], isLoading: false }));
}
