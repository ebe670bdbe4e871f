// The demo workspace the app opens on first start: generated from a fixed seed, written to a
// temporary file and renamed into place, so an interrupted first start never leaves half a demo.

import fs from 'node:fs';
import { ApiError } from '../../shared/api';
import { DEMO_WORKSPACE_NAME, generateDemoDataset } from '../../shared/demo/generateDemoDataset';
import { removeWorkspaceFiles } from '../store/openDatabase';
import { WorkspaceStore } from '../store/workspaceStore';
import { demoWorkspacePath } from './appPaths';

export function writeDemoWorkspace(file: string, options: { accounts?: number; seed?: number } = {}): void {
  if (fs.existsSync(file)) throw new ApiError('already_exists', `"${file}" already exists; the demo is only written to a new file.`);
  const temp = `${file}.${process.pid}.creating`;
  removeWorkspaceFiles(temp);
  const store = WorkspaceStore.create(temp, DEMO_WORKSPACE_NAME, { isDemo: true });
  try {
    store.writeDataset(generateDemoDataset(options), { source: 'demo generator' });
  } catch (err) {
    store.close();
    removeWorkspaceFiles(temp);
    throw err;
  }
  store.close();
  fs.renameSync(temp, file);
}

/** Returns the demo workspace's path in the data folder, generating it if it is not there. */
export function ensureDemoWorkspace(dataDir: string): string {
  const file = demoWorkspacePath(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    writeDemoWorkspace(file);
  }
  return file;
}
