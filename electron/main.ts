// The desktop app's main process: one window on the built renderer, the api over IPC, the
// security baseline applied before anything loads.

import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, nativeTheme } from 'electron';
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
    Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }]));
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
