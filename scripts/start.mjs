// `npm start`: launches the desktop app; where that cannot work (no display, no Electron binary and
// no way to download it), says why in one line and starts browser mode instead. Never hangs on a
// download and never prints a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 180_000;
const passThrough = process.argv.slice(2);

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Electron 45 fetches its binary on first launch; try once, bounded, quietly. */
function downloadElectron() {
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_MS });
  return result.status === 0 ? electronBinary() : null;
}

function startBrowserMode(reason) {
  const host = path.join(root, 'dist', 'electron', 'host.cjs');
  const child = spawn(process.execPath, [host, '--notice', `${reason} Starting browser mode instead.`, ...passThrough], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

function startDesktop(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const startedAt = Date.now();
  const child = spawn(binary, [root, ...passThrough], { stdio: ['ignore', 'inherit', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  child.on('error', (err) => startBrowserMode(`The desktop app could not start (${err.message}).`));
  child.on('exit', (code) => {
    // A window that dies at once (missing system libraries, GPU trouble) falls back to the browser.
    if (code !== 0 && Date.now() - startedAt < 10_000) {
      const firstLine = stderr.split('\n').find((l) => l.trim()) ?? `exit code ${code}`;
      startBrowserMode(`The desktop app exited at start-up (${firstLine.trim().slice(0, 160)}).`);
    } else process.exit(code ?? 0);
  });
}

if (!hasDisplay()) {
  startBrowserMode('No display is available (DISPLAY and WAYLAND_DISPLAY are unset), so the desktop window cannot open.');
} else {
  const binary = electronBinary() ?? downloadElectron();
  if (binary) startDesktop(binary);
  else startBrowserMode('The Electron binary is not installed and could not be downloaded.');
}
