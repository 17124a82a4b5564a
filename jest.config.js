// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');

module.exports = {
  // Jest configuration provided by Grafana scaffolding
  ...base,
  // Current d3-color ships dist/d3-color.mjs, which the scaffold's transform pattern skips.
  transform: {
    '^.+\\.(t|j)sx?$': base.transform['^.+\\.(t|j)sx?$'],
    '^.+\\.mjs$': base.transform['^.+\\.(t|j)sx?$'],
  },
  testMatch: [...base.testMatch, '<rootDir>/sandbox/**/*.test.ts'],
  // The first test to load @grafana/ui in a worker can take several seconds on a 2-core machine.
  testTimeout: 20000,
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/'],
};
