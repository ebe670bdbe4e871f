// Runs sandboxed before the page. Exposes exactly one object, `window.healthscoreBridge`, with one
// function per api method; the page never sees ipcRenderer itself.

import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, IPC_API_CHANNEL, type ApiBridge } from '../shared/api';

const bridge = Object.fromEntries(API_METHODS.map((method) => [method, (args: unknown) => ipcRenderer.invoke(IPC_API_CHANNEL, method, args)])) as ApiBridge;

contextBridge.exposeInMainWorld('healthscoreBridge', bridge);
