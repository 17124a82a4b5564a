import { parseArgs } from 'util';

export interface BenchOptions {
  latencyMs: number;
  naiveSeconds: number;
  users: number;
  active: number;
  sessionsPerActive: number;
  filterActive: number;
  filterText: string;
  concurrency: number;
  timeoutSeconds: number;
  skipNaive: boolean;
  skipFilter: boolean;
  build: boolean;
  out?: string;
}

export const USAGE = `Usage: npm run bench -- [options]
  --latency MS              time from each /api request to its answer in the sandbox (default 20)
  --naive-seconds S         time budget of the one-by-one run, then extrapolated (default 20)
  --users N                 users in the seed (default 100000)
  --active N                generated users seen within 7 days (default 5000)
  --sessions-per-active X   their average number of sessions (default 2.4: about 12,000 sessions)
  --filter-active N         active users of the filtering seed (default 8500: about 20,000 sessions)
  --filter-text TEXT        typed into the search box one character at a time, then erased (default "sales-maya")
  --concurrency N           the page's token requests in flight, for the floor (default 6)
  --timeout S               longest wait for the page's complete inventory (default 600)
  --skip-naive, --skip-filter
  --build                   rebuild dist/ and the sandbox shell first (default: only when missing)
  --out FILE                also write the Markdown figures to FILE`;

export function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      latency: { type: 'string', default: '20' },
      'naive-seconds': { type: 'string', default: '20' },
      users: { type: 'string', default: '100000' },
      active: { type: 'string', default: '5000' },
      'sessions-per-active': { type: 'string', default: '2.4' },
      'filter-active': { type: 'string', default: '8500' },
      'filter-text': { type: 'string', default: 'sales-maya' },
      concurrency: { type: 'string', default: '6' },
      timeout: { type: 'string', default: '600' },
      'skip-naive': { type: 'boolean', default: false },
      'skip-filter': { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name: keyof typeof values, { integer = true, min = 0 } = {}): number => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
      throw new Error(`--${name} takes ${integer ? 'a whole number' : 'a number'} of at least ${min}.\n${USAGE}`);
    }
    return value;
  };
  const options: BenchOptions = {
    latencyMs: number('latency'),
    naiveSeconds: number('naive-seconds', { integer: false, min: 1 }),
    users: number('users', { min: 1 }),
    active: number('active'),
    sessionsPerActive: number('sessions-per-active', { integer: false }),
    filterActive: number('filter-active'),
    filterText: values['filter-text']!,
    concurrency: number('concurrency', { min: 1 }),
    timeoutSeconds: number('timeout', { min: 1 }),
    skipNaive: values['skip-naive']!,
    skipFilter: values['skip-filter']!,
    build: values.build!,
    out: values.out,
  };
  if (options.active > options.users || options.filterActive > options.users) {
    throw new Error('--active and --filter-active cannot exceed --users');
  }
  if (options.filterText === '') {
    throw new Error('--filter-text must not be empty');
  }
  return options;
}
