// Builds everything the app runs: the Node-side entry points bundled by esbuild (main, preload,
// browser-mode host, CLI) into dist/electron, and the renderer by Vite into dist/renderer.
// Usage: node scripts/build.mjs [--node-only]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exceljsBeside, importWorkerEntries } from './importWorkerBundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeOnly = process.argv.includes('--node-only');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  // Loaded at run time: the native addon and Electron itself.
  external: ['electron', 'better-sqlite3'],
};

// The scoring kernel's WAT → shared/scoring/kernel/scoringWasm.generated.ts (rewritten only when it changed).
spawnSync(process.execPath, [path.join(root, 'scripts/build-wasm.mjs')], { cwd: root, stdio: 'inherit' }).status === 0 || process.exit(1);

await Promise.all([
  build({ ...common, entryPoints: { main: 'electron/main.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
  // A sandboxed preload may only require('electron'): everything else is bundled in.
  build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' }, sourcemap: false }),
  build({ ...common, entryPoints: { host: 'electron/host.ts', cli: 'electron/cli.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
  // The import worker (worker_threads), started by the main process, the browser-mode host and the
  // CLI, with exceljs in a file beside it (see importWorkerBundle.mjs).
  build({ ...common, entryPoints: importWorkerEntries, outdir: 'dist/electron', outExtension: { '.js': '.cjs' }, plugins: [exceljsBeside] }),
]);

if (!nodeOnly) {
  const vite = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}
