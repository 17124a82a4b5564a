import type { SystemJSLoader, SystemRegisterDeclare } from '../types';

const SHARED_PREFIX = 'sandbox-shared:';

export function getSystemJS(): SystemJSLoader {
  if (!window.System) {
    throw new Error('SystemJS is not loaded: index.html must load s.js and extras/amd.js before the shell');
  }
  return window.System;
}

/** Bare names such as `react` or `@grafana/ui` (not `./x`, `/x` or a URL). */
function isBareSpecifier(id: string): boolean {
  return !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(id);
}

/**
 * Answers a plugin's AMD dependencies from `modules` instead of the network. The AMD extra hands a dependency marked
 * `__useDefault` to define()'s factory as its `default` value, i.e. the module object itself.
 */
export function provideSharedModules(system: SystemJSLoader, modules: Record<string, unknown>) {
  const hooks = system.constructor.prototype;
  const resolve = hooks.resolve;
  const instantiate = hooks.instantiate;

  hooks.resolve = function (id, parentUrl) {
    if (Object.prototype.hasOwnProperty.call(modules, id)) {
      return SHARED_PREFIX + id;
    }
    if (isBareSpecifier(id)) {
      const provided = Object.keys(modules).join(', ');
      throw new Error(
        `${parentUrl ?? 'A module'} imports "${id}", which the sandbox shell does not share (it shares ${provided})`
      );
    }
    return resolve.call(this, id, parentUrl);
  };

  hooks.instantiate = function (url, parentUrl, meta) {
    if (!url.startsWith(SHARED_PREFIX)) {
      return instantiate.call(this, url, parentUrl, meta);
    }
    const value = modules[url.slice(SHARED_PREFIX.length)];
    const declare: SystemRegisterDeclare = (exportValues) => {
      exportValues({ default: value, __useDefault: true });
      return { setters: [], execute: () => {} };
    };
    return [[], declare];
  };
}
