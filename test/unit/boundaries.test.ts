import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- shared with eslint.config.mjs
const { boundaryConfigs } = require('../../eslint-boundaries.cjs') as { boundaryConfigs: object[] };

/** The import direction of DESIGN.md section 2 holds across the whole tree. */
describe('module boundaries', () => {
  const eslint = new ESLint({
    cwd: `${__dirname}/../..`,
    overrideConfigFile: true,
    overrideConfig: [
      {
        languageOptions: { parser: tseslint.parser },
        plugins: { '@typescript-eslint': tseslint.plugin },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      ...(boundaryConfigs as ESLint.Options['overrideConfig'][]),
    ] as ESLint.Options['overrideConfig'],
  });

  const root = join(__dirname, '..', '..');

  it('no module imports against the dependency direction or a library outside its home', async () => {
    const files = ['sql', 'topology', 'connectors', 'src'].flatMap((dir) =>
      sourceFiles(join(root, dir)),
    );
    expect(files.length).toBeGreaterThan(0);
    const violations: string[] = [];
    for (const file of files) {
      const [result] = await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file });
      for (const m of (result?.messages ?? []).filter(
        (msg) => msg.ruleId === 'no-restricted-imports',
      ))
        violations.push(`${relative(root, file)}:${m.line} ${m.message}`);
    }
    expect(violations).toEqual([]);
  });

  it('catches an import that crosses a boundary', async () => {
    const [result] = await eslint.lintText(
      "import { parseScript } from '../../sql';\nexport const x = parseScript;\n",
      {
        filePath: `${__dirname}/../../topology/runtime/example.ts`,
      },
    );
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
