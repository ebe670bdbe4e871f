// The desktop transport: one ipcMain handler for every api method. Calls are only answered for the
// app's own page; arguments are validated by the dispatcher like any other transport's.

import type { IpcMain } from 'electron';
import { IPC_API_CHANNEL, type ApiEnvelope } from '../../shared/api';
import type { Dispatcher } from './dispatch';

export function registerIpcApi(ipcMain: IpcMain, dispatcher: Dispatcher, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.handle(IPC_API_CHANNEL, async (event, method: unknown, args: unknown): Promise<ApiEnvelope<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) return { ok: false, error: { code: 'internal', message: 'api calls are only answered for the app window' } };
    return dispatcher(method, args);
  });
}
