import { relative, resolve } from 'path';
import { parseArgs } from 'util';

import { createSandbox } from './app';
import { formatRequestCounts } from './requestCounts';
import { SeedError } from './seed';

const USAGE = 'Usage: tsx sandbox/server/main.ts [--seed FILE] [--port N] [--latency MS] [--test-hooks] [--quiet]';

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: 'sandbox/seed/default.json' },
      port: { type: 'string' },
      latency: { type: 'string', default: '0' },
      'test-hooks': { type: 'boolean', default: false },
      // No line per request: for benchmarks, where 100,000 lines would cost more than the answers.
      quiet: { type: 'boolean', default: false },
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
  const { app, state, requests } = createSandbox({
    seed: seedFile,
    latencyMs,
    testHooks: values['test-hooks'],
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(formatRequestCounts(requests.snapshot()));
      process.exit(0);
    });
  }
  const server = app.listen(port, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    console.log(
      `Grafana sandbox ${state.seed.grafanaVersion} on http://localhost:${actualPort}/ ` +
        `(seed ${relative(process.cwd(), seedFile)}, ${state.users.size} users, signed in as ${state.seed.viewer}` +
        `${latencyMs > 0 ? `, ${latencyMs} ms latency on /api` : ''})`
    );
  });
}

try {
  main();
} catch (error) {
  console.error(error instanceof SeedError ? error.message : String(error));
  process.exit(1);
}
