// Globals the shell shares with index.html, SystemJS and the browser tests.
// (`window.grafanaBootData` is declared by @grafana/ui.)

export interface SandboxStatus {
  /** True once the plugin's root page has mounted. */
  ready: boolean;
  /** Set when module.js failed to load or the plugin threw while rendering. */
  error?: string;
}

/** The parts of SystemJS (s.js + extras/amd.js) the shell uses. */
export interface SystemJSLoader {
  import<T = unknown>(id: string): Promise<T>;
  resolve(id: string, parentUrl?: string): string;
  constructor: { prototype: SystemJSHooks };
}

export type SystemRegisterDeclare = (exportValues: (values: Record<string, unknown>) => void) => {
  setters?: unknown[];
  execute?: () => void;
};

export interface SystemJSHooks {
  resolve(id: string, parentUrl?: string): string;
  instantiate(url: string, parentUrl?: string, meta?: unknown): unknown;
}

declare global {
  interface Window {
    __grafana_public_path__?: string;
    __sandbox?: SandboxStatus;
    System?: SystemJSLoader;
  }
}
