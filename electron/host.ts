// Browser mode: `npm run serve [-- --port N --workspace FILE --data-dir DIR]`. Serves the built
// renderer and the api on 127.0.0.1 and prints one line with the URL (including the per-run token).

import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from './services/appPaths';
import { Workbench } from './services/workbench';
import { createDispatcher } from './transport/dispatch';
import { createHttpHost, listenOnLoopback, newToken } from './transport/httpHost';
import { APP_VERSION } from './version';

const USAGE = 'usage: npm run serve -- [--port N] [--workspace FILE] [--data-dir DIR]';

export interface BrowserModeOptions {
  port: number;
  workspace?: string;
  dataDir?: string;
  /** One line printed before the URL line, e.g. why the desktop window did not open. */
  notice?: string;
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<void> {
  const workbench = new Workbench({ dataDir: resolveDataDir(options.dataDir), mode: 'browser', version: APP_VERSION });
  workbench.start(options.workspace);
  const token = newToken();
  const server = createHttpHost({
    dispatcher: createDispatcher(workbench),
    staticDir: path.join(__dirname, '..', 'renderer'),
    token,
  });
  let port: number;
  try {
    port = await listenOnLoopback(server, options.port);
  } catch (err) {
    console.error(`Cannot listen on 127.0.0.1:${options.port}: ${(err as Error).message}. Choose another port with --port.`);
    workbench.close();
    process.exit(1);
  }
  const shutdown = () => {
    server.close();
    workbench.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (options.notice) console.log(options.notice);
  const opened = workbench.workspacePath ? `workspace ${workbench.workspacePath}` : 'no workspace open';
  console.log(`Healthscore Workbench (browser mode): http://127.0.0.1:${port}/?token=${token}  (${opened}; Ctrl+C to stop)`);
}

function main(): void {
  let values: { port?: string; workspace?: string; 'data-dir'?: string; notice?: string };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, workspace: { type: 'string' }, 'data-dir': { type: 'string' }, notice: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, got "${values.port}".\n${USAGE}`);
    process.exit(2);
  }
  void startBrowserMode({ port, workspace: values.workspace, dataDir: values['data-dir'], notice: values.notice });
}

main();
