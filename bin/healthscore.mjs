#!/usr/bin/env node
// `npx healthscore …`: runs the bundled CLI, building it first on a fresh checkout. The workspace
// store needs Node ≥ 22 (better-sqlite3's Node-API build); npx puts the project's Node 22 first on PATH.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`healthscore needs Node 22 or newer (this is ${process.version}). Run it as \`npx healthscore\` inside the project, which uses the project's Node 22.`);
  process.exit(1);
}
const cli = path.join(root, 'dist/electron/cli.cjs');
if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--node-only'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
createRequire(import.meta.url)(cli);
