import { AppPlugin, AppPluginMeta } from '@grafana/data';
import { useEffect, useState } from 'react';

import { importAppPlugin, loadPluginMeta } from './loadAppPlugin';

export type AppPluginState =
  | { status: 'loading'; meta?: AppPluginMeta }
  | { status: 'loaded'; meta: AppPluginMeta; plugin: AppPlugin }
  | { status: 'failed'; meta?: AppPluginMeta; error: Error };

/** Loads plugin.json, then module.js; the meta arrives first so the navigation can show the app's pages. */
export function useAppPlugin(): AppPluginState {
  const [state, setState] = useState<AppPluginState>({ status: 'loading' });

  useEffect(() => {
    let meta: AppPluginMeta | undefined;
    loadPluginMeta()
      .then((loadedMeta) => {
        meta = loadedMeta;
        setState({ status: 'loading', meta });
        return importAppPlugin(loadedMeta);
      })
      .then(
        (plugin) => setState({ status: 'loaded', meta: plugin.meta, plugin }),
        (error: unknown) => setState({ status: 'failed', meta, error: toError(error) })
      );
  }, []);

  return state;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
