// ESLint: the type-checked preset plus the import boundaries of DESIGN.md section 2.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './eslint-boundaries.cjs';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'bin/**', '*.config.*', '*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...boundaries.boundaryConfigs,
);
