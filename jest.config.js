// Tests say their level in the file name: *.unit.spec.ts, *.int.spec.ts, *.e2e.spec.ts.
const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const { paths } = require('./tsconfig.base.json').compilerOptions;
// `@imera/x` maps to one file, `@imera/x/*` to a folder of capabilities.
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) =>
    alias.endsWith('/*')
      ? [`^${alias.slice(0, -2)}/(.*)$`, `<rootDir>/${target.slice(0, -2)}/$1`]
      : [`^${alias}$`, `<rootDir>/${target}`],
  ),
);

const ESM_ONLY = ['jose', 'content-disposition'];

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    // These ship ES modules only; Node >= 20.19 requires them natively, Jest's module loader needs them compiled.
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: ['@swc/jest', { ...swc, swcrc: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  ...extra,
});

module.exports = {
  projects: [
    project('unit', ['<rootDir>/{apps,libs,bench}/**/*.unit.spec.ts']),
    project('int', ['<rootDir>/{apps,libs,test,bench}/**/*.int.spec.ts'], {
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/(apps|libs|test)/(.*/)?kafka/', '\\.kafka\\.int\\.spec\\.ts$'],
    }),
    // Suites against a real Kafka broker (in a kafka/ folder or named *.kafka.int.spec.ts): the global
    // setup starts the local broker when needed.
    project('kafka', ['<rootDir>/{apps,libs,test}/**/kafka/**/*.int.spec.ts', '<rootDir>/{apps,libs,test}/**/*.kafka.int.spec.ts'], {
      globalSetup: '<rootDir>/test/kafka/global-setup.ts',
      globalTeardown: '<rootDir>/test/kafka/global-teardown.ts',
    }),
    project('e2e', ['<rootDir>/{apps,test}/**/*.e2e.spec.ts']),
  ],
};
