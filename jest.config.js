// Three projects. Unit tests need no services. Integration tests talk to the real stack, which
// the global setup brings up when it is not reachable. Disruptive tests restart shared services
// or load the machine with killed and restarted processes (Postgres restarts, fault tests, the
// medallion end to end): `npm test` runs them afterwards, one at a time, so they cannot make
// the other suites fail.
const disruptive = [
  '<rootDir>/test/faults/**/*.test.ts',
  '<rootDir>/test/e2e/**/*.test.ts',
  '<rootDir>/test/integration/cdc/cdc-postgres-restart.test.ts',
];
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest'] };

module.exports = {
  testTimeout: 60_000,
  // Integration suites wait on the broker more than they compute: two workers on two cores.
  maxWorkers: 2,
  // A Kafka or Redis client left open by a failing test must not hold CI until its time limit.
  forceExit: true,
  projects: [
    {
      displayName: 'unit',
      transform,
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/{unit,golden,conformance}/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      transform,
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      testPathIgnorePatterns: ['/test/integration/cdc/cdc-postgres-restart.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      displayName: 'disruptive',
      transform,
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: disruptive,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
