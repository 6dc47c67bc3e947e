// Lint is also the architecture fence of ../shared/design.md ("Layers"):
// src/analysis is pure (no node:, electron, DOM or React), the renderer never
// reaches into src/main, and the shared contract imports nothing of ours.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'tls', 'url', 'util',
  'v8', 'vm', 'worker_threads', 'zlib',
];

/** src/analysis is pure and self-contained; `outside` is the relative path that leaves src/analysis from a file's folder. */
const analysisImportFence = (outside) => ['error', {
  patterns: [
    { group: ['node:*', ...nodeBuiltins], message: 'src/analysis is pure: no Node imports (design.md, Layers).' },
    { group: ['electron', 'electron/*'], message: 'src/analysis is pure: no Electron.' },
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/analysis is pure: no React/DOM.' },
    { group: ['**/main/**', '**/renderer/**', '**/shared/**', outside], message: 'src/analysis imports only its own files.' },
  ],
}];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'models/**', 'coverage/**', 'test-results/**', '.cache/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/analysis/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': analysisImportFence('../*'),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    // Helper folders inside src/analysis (signal/, gait/) may import their parent's files, nothing further up.
    files: ['src/analysis/*/**/*.ts'],
    rules: {
      'no-restricted-imports': analysisImportFence('../../*'),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', ...nodeBuiltins, 'electron'], message: 'The shared contract runs in the renderer too: no Node or Electron.' },
          { group: ['**/main/**', '**/renderer/**'], message: 'The shared contract depends on nothing but src/analysis types.' },
        ],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/main/**'], message: 'The renderer never imports src/main (design.md, Layers): use LopsidedApi.' },
          { group: ['node:*', ...nodeBuiltins, 'electron'], message: 'The renderer runs in a sandboxed page: no Node or Electron.' },
        ],
      }],
    },
  },
);
