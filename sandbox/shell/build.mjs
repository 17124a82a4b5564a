// Bundles the sandbox shell: a minimal Grafana-like frame that loads the plugin's dist/module.js through SystemJS.
// Usage: node sandbox/shell/build.mjs [--sourcemap]
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { grafanaPackages } from './tools/grafanaPackages.mjs';
import { copyIcons, copySystemJs } from './tools/staticAssets.mjs';

const shellDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(shellDir, 'dist');
const started = performance.now();
rmSync(outDir, { recursive: true, force: true });

const result = await esbuild.build({
  entryPoints: { shell: join(shellDir, 'src/main.tsx') },
  outdir: outDir,
  bundle: true,
  // ES modules with splitting keep what @grafana/ui imports lazily (the code editor's Monaco) out of shell.js.
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  publicPath: '/public/sandbox/',
  platform: 'browser',
  target: ['chrome109', 'firefox115', 'safari15'],
  minify: true,
  sourcemap: process.argv.includes('--sourcemap') ? 'linked' : false,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
  // The repo tsconfig's baseUrl is the plugin's src/; the shell must not resolve bare imports there.
  tsconfigRaw: { compilerOptions: { jsx: 'react', useDefineForClassFields: true } },
  define: {
    'process.env.NODE_ENV': '"production"',
    global: 'window',
    // SystemJS's AMD extra installs a global define() for plugin modules; UMD code bundled here must not use it.
    define: 'undefined',
  },
  loader: {
    '.svg': 'file',
    '.png': 'file',
    '.gif': 'file',
    '.jpg': 'file',
    '.woff': 'file',
    '.woff2': 'file',
    '.ttf': 'file',
    '.eot': 'file',
  },
  plugins: [grafanaPackages()],
});

const filledInIcons = copyIcons(outDir);
copySystemJs(outDir);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => !file.endsWith('.map'));
const chunks = outputs.filter(([file]) => file.includes('/chunks/'));
for (const [file, { bytes }] of outputs.filter((output) => !chunks.includes(output))) {
  console.log(`${relative(process.cwd(), file).padEnd(48)} ${megabytes(bytes)}`);
}
const chunkBytes = chunks.reduce((sum, [, { bytes }]) => sum + bytes, 0);
console.log(`${`${chunks.length} chunks (most load only on demand)`.padEnd(48)} ${megabytes(chunkBytes)}`);
console.log(`sandbox shell built in ${seconds}s (${filledInIcons} missing icons filled in, SystemJS copied)`);
