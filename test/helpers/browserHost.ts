import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  port: number;
  output: () => string;
  stop: () => Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');
const URL_LINE = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/;

/** Starts browser mode (the built dist/electron/host.cjs) as a child process, as `npm run serve` does. */
export function startHost(args: string[], env: Record<string, string> = {}): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist/electron/host.cjs'), '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not print its URL within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = URL_LINE.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          origin: `http://127.0.0.1:${m[2]}`,
          port: Number(m[2]),
          token: m[3],
          output: () => output,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before printing its URL:\n${output}`));
    });
  });
}
