// Fails when package-lock.json would fetch anything but npm registry tarballs (git, GitHub, URLs).
import { readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const bad = Object.entries(lock.packages ?? {})
  .filter(([name, pkg]) => name && pkg.resolved && !pkg.resolved.startsWith('https://registry.npmjs.org/'))
  .map(([name, pkg]) => `${name}: ${pkg.resolved}`);

if (bad.length > 0) {
  console.error(`package-lock.json has ${bad.length} dependencies outside the npm registry:\n${bad.join('\n')}`);
  process.exit(1);
}
console.log(`package-lock.json: ${Object.keys(lock.packages).length - 1} packages, all from the npm registry`);
