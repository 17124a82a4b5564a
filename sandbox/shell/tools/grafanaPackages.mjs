// An esbuild plugin for bundling the ES module builds of @grafana/ui, @grafana/data and @grafana/runtime.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const GRAFANA_ESM = /[\\/]@grafana[\\/][\w-]+[\\/]dist[\\/]esm[\\/].*\.mjs$/;

// @grafana/ui points @font-face rules at Grafana's public/fonts, which its npm package does not ship: every request
// would 404 and log a console error, so the shell keeps the theme's fallback fonts (Helvetica, Arial, sans-serif).
const FONTS_MODULE = /@grafana[\\/]ui[\\/]dist[\\/]esm[\\/]themes[\\/]GlobalStyles[\\/]fonts\.mjs$/;
const NO_FONTS = 'export function getFontStyles() { return []; }';

/**
 * Node's rules make a default import of CommonJS the whole `module.exports`, and esbuild applies them to any .mjs
 * file. The @grafana .mjs builds rely on bundler rules instead (`import useMeasure from 'react-use/lib/useMeasure'`
 * means `exports.default`), so their files are loaded from a namespace under a .js name, which esbuild treats as a
 * plain ES module.
 */
export function grafanaPackages() {
  const seen = { files: 0, fonts: false };
  return {
    name: 'grafana-packages',
    setup(build) {
      build.onResolve({ filter: /^@grafana\/[\w-]+$|\.mjs$/ }, async ({ path, pluginData, ...options }) => {
        if (pluginData?.inner) {
          return undefined;
        }
        const resolved = await build.resolve(path, { ...options, pluginData: { inner: true } });
        if (resolved.errors.length > 0) {
          return { errors: resolved.errors };
        }
        if (!GRAFANA_ESM.test(resolved.path)) {
          return undefined;
        }
        seen.files++;
        return {
          path: resolved.path.replace(/\.mjs$/, '.js'),
          namespace: 'grafana-esm',
          sideEffects: resolved.sideEffects,
          pluginData: { file: resolved.path },
        };
      });

      build.onLoad({ filter: /.*/, namespace: 'grafana-esm' }, async ({ pluginData: { file } }) => {
        const isFonts = FONTS_MODULE.test(file);
        seen.fonts ||= isFonts;
        return { contents: isFonts ? NO_FONTS : await readFile(file, 'utf8'), loader: 'js', resolveDir: dirname(file) };
      });

      build.onEnd(() => {
        if (seen.files === 0 || !seen.fonts) {
          console.warn(`warning: grafana-packages plugin saw ${seen.files} files (fonts module found: ${seen.fonts})`);
        }
      });
    },
  };
}
