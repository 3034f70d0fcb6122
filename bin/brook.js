#!/usr/bin/env node
// The `brook` executable: TypeScript sources run through tsx's require hook, so a fresh
// `npm ci` needs no build step. Both hooks: `require` and dynamic `import()`.
require('tsx/cjs/api').register();
require('tsx/esm/api').register();
require('../src/cli/main.ts')
  .main(process.argv)
  .then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  })
  .catch((err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exitCode = 1;
  });
