import { execFileSync } from 'child_process';
import { existsSync, readFileSync, statSync } from 'fs';
import { gzipSync } from 'zlib';

import { progress } from './log';
import { MODULE_JS, REPO_ROOT, SHELL_JS } from './paths';

/** Builds the plugin and the sandbox shell when missing (or always with --build). Their output goes to stderr. */
export function ensureBuilt(force: boolean): void {
  const run = (what: string, command: string, args: string[]) => {
    progress(`building ${what}: ${command} ${args.join(' ')}`);
    execFileSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  };
  if (force || !existsSync(MODULE_JS)) {
    run('the plugin', 'npm', ['run', 'build', '--silent']);
  }
  if (force || !existsSync(SHELL_JS)) {
    run('the sandbox shell', process.execPath, ['sandbox/shell/build.mjs']);
  }
}

export interface ModuleSize {
  bytes: number;
  gzipBytes: number;
  builtAt: Date;
}

/** dist/module.js as served, and gzipped with node's zlib at its default level. */
export function moduleSize(): ModuleSize {
  const content = readFileSync(MODULE_JS);
  return { bytes: content.length, gzipBytes: gzipSync(content).length, builtAt: statSync(MODULE_JS).mtime };
}
