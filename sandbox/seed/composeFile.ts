import { parse } from 'yaml';

import { readRepoFile } from './demoFiles';

/** docker-compose.yaml as Docker Compose reads it, with `${NAME:-default}` resolved from an environment. */

export const COMPOSE_PATH = 'docker-compose.yaml';

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  command?: string | string[];
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string | string[] };
  networks?: Record<string, { aliases?: string[] } | null>;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g;

/** Every variable the file reads, with its default ("" when it has none). */
export function composeVariables(text: string): Map<string, string> {
  return new Map([...text.matchAll(VARIABLE)].map(([, name, , fallback]) => [name, fallback ?? '']));
}

/** Resolves the variables from `env` (default: none set, so every default applies) and parses the YAML. */
export function readCompose(env: Record<string, string> = {}, text = readRepoFile(COMPOSE_PATH)): ComposeFile {
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value
        .replace(VARIABLE, (_all, name: string, op?: string, fallback = '') => {
          const set = env[name];
          return set === undefined || (op === ':-' && set === '') ? fallback : set;
        })
        .replace(/\$\$/g, '$');
    }
    if (Array.isArray(value)) {
      return value.map(resolve);
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  return resolve(parse(text)) as ComposeFile;
}

/** A short-syntax volume `source:target[:mode]`, split. */
export function splitVolume(volume: string): { source: string; target: string; readOnly: boolean } {
  const [source, target, mode = ''] = volume.split(':');
  return { source, target, readOnly: mode.split(',').includes('ro') };
}
