// The packages Grafana shares with plugins at run time: the scaffold's webpack marks them external, so module.js
// receives them as AMD dependencies instead of bundling its own copies.
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUI from '@grafana/ui';
import * as i18next from 'i18next';
import jquery from 'jquery';
import lodash from 'lodash';
import moment from 'moment';
import React from 'react';
import ReactDOM from 'react-dom';
import * as reactJsxRuntime from 'react/jsx-runtime';
import * as reactRouterCompat from 'react-router-dom-v5-compat';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';

import { SandboxPluginPage } from '../chrome/SandboxPluginPage';

/**
 * Webpack's interop reads `default` from a dependency only when it carries `__esModule`, so ES module namespaces are
 * flagged like webpack's own (as Grafana passes them) while CommonJS packages (react, lodash, ...) are passed as their
 * exports object. Getters keep live bindings such as `locationService`.
 */
function asEsModule(namespace: object, overrides: Record<string, unknown> = {}): object {
  const shared: Record<string, unknown> = { __esModule: true, ...overrides };
  for (const key of Object.keys(namespace).filter((name) => !(name in shared))) {
    Object.defineProperty(shared, key, { enumerable: true, get: () => Reflect.get(namespace, key) });
  }
  return shared;
}

export const sharedModules: Record<string, unknown> = {
  '@emotion/css': asEsModule(emotionCss),
  '@emotion/react': asEsModule(emotionReact),
  '@grafana/data': asEsModule(grafanaData),
  // Grafana swaps PluginPage for its page chrome at start-up (setPluginPage is internal, so the export is replaced).
  '@grafana/runtime': asEsModule(grafanaRuntime, { PluginPage: SandboxPluginPage }),
  '@grafana/ui': asEsModule(grafanaUI),
  i18next: asEsModule(i18next),
  jquery,
  lodash,
  moment,
  react: React,
  'react-dom': ReactDOM,
  'react/jsx-runtime': reactJsxRuntime,
  // As in Grafana 11, `react-router` is the v6 API that react-router-dom-v5-compat carries.
  'react-router': asEsModule(reactRouterCompat),
  rxjs: asEsModule(rxjs),
  'rxjs/operators': asEsModule(rxjsOperators),
};
