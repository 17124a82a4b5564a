import { AppPlugin, AppPluginMeta, PluginInclude, PluginType } from '@grafana/data';
import { config } from '@grafana/runtime';

import { getSystemJS } from './systemjs';

export const PLUGIN_ID = 'sessioncontrol-admin-app';
export const APP_URL = `/a/${PLUGIN_ID}`;
const PLUGIN_BASE_URL = `public/plugins/${PLUGIN_ID}`;

type PluginJson = Pick<AppPluginMeta, 'id' | 'name' | 'info' | 'dependencies'> & {
  includes?: Array<PluginInclude & { defaultNav?: boolean }>;
};

/**
 * The meta Grafana passes to an app (it reads /api/plugins/<id>/settings); here it is built from the plugin.json
 * that the plugin build wrote to dist/, so the sandbox needs no settings endpoint.
 */
export async function loadPluginMeta(): Promise<AppPluginMeta> {
  const url = `/${PLUGIN_BASE_URL}/plugin.json`;
  const response = await window.fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(
      `GET ${url} answered ${response.status} ${response.statusText}. Has the plugin been built (npm run build)?`
    );
  }
  const pluginJson: PluginJson = await response.json();
  const defaultPage = pluginJson.includes?.find((include) => include.defaultNav && include.path);
  return {
    ...pluginJson,
    type: PluginType.app,
    enabled: true,
    pinned: true,
    jsonData: {},
    secureJsonFields: {},
    baseUrl: PLUGIN_BASE_URL,
    module: config.apps[PLUGIN_ID]?.path ?? `${PLUGIN_BASE_URL}/module.js`,
    defaultNavUrl: defaultPage?.path,
  };
}

function isAppPlugin(value: unknown): value is AppPlugin {
  return typeof value === 'object' && value !== null && 'setRootPage' in value && 'init' in value;
}

/** Imports module.js through SystemJS, as Grafana does, and initialises the exported AppPlugin. */
export async function importAppPlugin(meta: AppPluginMeta): Promise<AppPlugin> {
  const moduleUrl = new URL(meta.module, document.baseURI).href;
  let exports: Record<string, unknown>;
  try {
    exports = await getSystemJS().import<Record<string, unknown>>(moduleUrl);
  } catch (error) {
    throw new Error(`Could not load ${meta.module}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const plugin = exports.plugin;
  if (!isAppPlugin(plugin)) {
    throw new Error(`${meta.module} does not export an AppPlugin named "plugin"`);
  }
  plugin.meta = meta;
  plugin.init(meta);
  if (!plugin.root) {
    throw new Error(`${meta.module} exports an AppPlugin without a root page (setRootPage was not called)`);
  }
  return plugin;
}
