// Files the shell serves next to its bundle: @grafana/ui's icons and SystemJS.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

// Icons load at run time from `${window.__grafana_public_path__}img/icons/<dir>/<name>.svg`. The npm package ships
// only the icons its own components use; the rest of Grafana's icon names get a similar icon or a neutral dot, so a
// plugin using them renders without 404s.
const ICON_ALIASES = {
  home: 'home-alt',
  exclamation: 'exclamation-circle',
  'check-square': 'check',
  'file-edit-alt': 'edit',
  'file-download': 'download-alt',
  'link-broken': 'link',
  'sync-slash': 'sync',
  'user-arrows': 'users-alt',
  'add-user': 'user',
};
const SPINNER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2a10 10 0 1 0 10 10h-2a8 8 0 1 1-8-8z"/></svg>';
const PLACEHOLDER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="3"/></svg>';

/** Grafana's icon names, read from @grafana/data's availableIconsIndex. */
function iconNames() {
  const source = readFileSync(join(packageDir('@grafana/data'), 'dist/esm/types/icon.mjs'), 'utf8');
  const start = source.indexOf('availableIconsIndex');
  const index = source.slice(start, source.indexOf('};', start));
  const names = [...index.matchAll(/^\s*"?([\w-]+)"?: true/gm)].map((match) => match[1]);
  if (names.length === 0) {
    console.warn('warning: found no icon names in @grafana/data; icons outside @grafana/ui will 404');
  }
  return names;
}

/** Copies the icons and fills in the missing names; returns how many it filled in. */
export function copyIcons(outDir) {
  const target = join(outDir, 'img/icons');
  cpSync(join(packageDir('@grafana/ui'), 'dist/public/img/icons'), target, { recursive: true });
  let filledIn = 0;
  for (const name of iconNames()) {
    const file = join(target, name.startsWith('gf-') ? 'custom' : 'unicons', `${name}.svg`);
    if (existsSync(file) || existsSync(join(target, 'mono', `${name}.svg`))) {
      continue;
    }
    const alias = ICON_ALIASES[name];
    const svg =
      name === 'spinner'
        ? SPINNER_SVG
        : alias
          ? readFileSync(join(target, 'unicons', `${alias}.svg`))
          : PLACEHOLDER_SVG;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, svg);
    filledIn++;
  }
  return filledIn;
}

/** s.js with the AMD extra, plus named-register so a named define() (axe-core injected by tests) raises no warning. */
export function copySystemJs(outDir) {
  const source = join(packageDir('systemjs'), 'dist');
  const scripts = ['s.min.js', 'extras/amd.min.js', 'extras/named-register.min.js'];
  for (const file of scripts.flatMap((script) => [script, `${script}.map`])) {
    mkdirSync(dirname(join(outDir, 'systemjs', file)), { recursive: true });
    cpSync(join(source, file), join(outDir, 'systemjs', file));
  }
}
