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
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/'],
};
