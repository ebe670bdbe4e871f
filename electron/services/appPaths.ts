// Where the app keeps its files. The desktop app uses Electron's user-data folder; browser mode and
// the CLI use the same folder unless a data folder is given (flag or HEALTHSCORE_DATA_DIR), so both
// modes share recent workspaces and the demo, and tests can use temporary folders.

import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Healthscore Workbench';
export const WORKSPACE_EXTENSION = '.hsw';
export const DATA_DIR_ENV = 'HEALTHSCORE_DATA_DIR';

/** The folder Electron's app.getPath('userData') gives for this product on each platform. */
export function defaultUserDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export function resolveDataDir(flag: string | undefined): string {
  return path.resolve(flag ?? process.env[DATA_DIR_ENV] ?? defaultUserDataDir());
}

export function demoWorkspacePath(dataDir: string): string {
  return path.join(dataDir, `Demo workspace${WORKSPACE_EXTENSION}`);
}
