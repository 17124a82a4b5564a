import { relative, resolve } from 'path';
import { parseArgs } from 'util';

import { createSandbox } from './app';
import { SeedError } from './seed';

const USAGE = 'Usage: tsx sandbox/server/main.ts [--seed FILE] [--port N] [--latency MS] [--test-hooks]';

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: 'sandbox/seed/default.json' },
      port: { type: 'string' },
      latency: { type: 'string', default: '0' },
      'test-hooks': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const latencyMs = Number(values.latency);
  if (!Number.isInteger(port) || port < 0 || !Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new Error(`Invalid --port or --latency.\n${USAGE}`);
  }
  const seedFile = resolve(values.seed!);
  const { app, state } = createSandbox({
    seed: seedFile,
    latencyMs,
    testHooks: values['test-hooks'],
    log: (line) => console.log(line),
  });
  const server = app.listen(port, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    console.log(
      `Grafana sandbox ${state.seed.grafanaVersion} on http://localhost:${actualPort}/ ` +
        `(seed ${relative(process.cwd(), seedFile)}, ${state.users.size} users, signed in as ${state.seed.viewer})`
    );
  });
}

try {
  main();
} catch (error) {
  console.error(error instanceof SeedError ? error.message : String(error));
  process.exit(1);
}
