// The import boundaries of DESIGN.md section 2, shared by eslint.config.mjs and the
// boundaries test (which runs them without type information, so it is fast).

const outside = (folders) => `^(\\.\\./)+(${folders})(/.*)?$`;

/** Per top-level module: the relative imports it must not make. */
const patterns = {
  sql: [
    { regex: outside('src|connectors'), message: 'sql/ never imports src/ or connectors/.' },
    { regex: '^(\\.\\./)+topology(/(?!spec$).*)?$', message: 'sql/ imports only topology/spec.' },
  ],
  topology: [
    {
      regex: outside('sql|src|connectors'),
      message: 'topology/ never imports sql/, src/ or connectors/.',
    },
  ],
  connectors: [
    {
      regex: outside('sql|src|topology'),
      message: 'connectors/ imports neither sql/, topology/ nor src/.',
    },
  ],
  src: [
    { regex: '^(\\.\\./)+sql/.+', message: 'import sql/ through its index.' },
    {
      regex: '^(\\.\\./)+topology/(?!spec$).+',
      message: 'import topology/ through its index (or topology/spec).',
    },
    { regex: '^(\\.\\./)+connectors/.+', message: 'import connectors/ through its index.' },
  ],
};

const libraries = [
  { name: 'ioredis', message: 'Only topology/state/redis imports ioredis.' },
  { name: 'kafkajs', message: 'Only the kafka adapters import kafkajs.' },
  { name: 'pg', message: 'Only connectors/postgres imports pg.' },
];

/** The folders allowed to import a library, as [folder, library]. */
const libraryHomes = [
  ['topology/state/redis', 'ioredis'],
  ['topology/kafka', 'kafkajs'],
  ['connectors/kafka', 'kafkajs'],
  ['connectors/postgres', 'pg'],
];

function restrict(folder, allow = []) {
  const module = folder.split('/')[0];
  return {
    files: [`${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: libraries.filter((l) => !allow.includes(l.name)), patterns: patterns[module] },
      ],
    },
  };
}

/** Flat-config entries; later entries override earlier ones for their folders. */
const boundaryConfigs = [
  ...Object.keys(patterns).map((folder) => restrict(folder)),
  ...libraryHomes.map(([folder, library]) => restrict(folder, [library])),
];

module.exports = { boundaryConfigs };
