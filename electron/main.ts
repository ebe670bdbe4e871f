// The desktop app's main process: one window on the built renderer, the api over IPC, the
// security baseline applied before anything loads.

import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, type MenuItemConstructorOptions } from 'electron';
import { DATA_DIR_ENV, PRODUCT_NAME } from './services/appPaths';
import { Workbench } from './services/workbench';
import { createDispatcher } from './transport/dispatch';
import { registerIpcApi } from './transport/ipc';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { APP_ORIGIN, isAppUrl, secureWebPreferences } from './securityPolicy';
import { applySecurityBaseline } from './windowSecurity';

const rendererDir = path.join(__dirname, '..', 'renderer');

/** `--workspace FILE` on the command line opens that workspace instead of the last one. */
function requestedWorkspace(argv: string[]): string | undefined {
  const i = argv.indexOf('--workspace');
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--workspace='))?.slice('--workspace='.length);
}

/**
 * The Edit menu has no Undo/Redo items: their accelerators would take Ctrl/Cmd+Z before the page,
 * whose undo covers every scorecard edit (text fields keep Chromium's own undo).
 */
function applicationMenu(): MenuItemConstructorOptions[] {
  return [
    { role: 'fileMenu' },
    { label: 'Edit', submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' }] },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: PRODUCT_NAME,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#111318' : '#ffffff',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  // The page cancels unload while an edit is not yet saved; Chromium's prompt does not exist in
  // Electron, so ask here and leave only when the user says so.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Stay', 'Leave without saving'],
      defaultId: 0,
      cancelId: 0,
      message: 'The latest scorecard edits are still being saved.',
      detail: 'Leaving now may lose them.',
    });
    if (choice === 1) event.preventDefault();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();
  app.setName(PRODUCT_NAME);
  let workbench: Workbench | null = null;

  app.whenReady().then(() => {
    applySecurityBaseline();
    serveRenderer(rendererDir);
    workbench = new Workbench({ dataDir: process.env[DATA_DIR_ENV] ?? app.getPath('userData'), mode: 'desktop', version: app.getVersion() });
    workbench.start(requestedWorkspace(process.argv));
    registerIpcApi(ipcMain, createDispatcher(workbench), isAppUrl);
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu()));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => workbench?.close());
}
