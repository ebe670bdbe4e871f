// The headless command line: `npx healthscore <command>`, sharing the services the app uses.

import { parseArgs } from 'node:util';
import { ApiError } from '../shared/api';
import { resolveDataDir } from './services/appPaths';
import { writeDemoWorkspace } from './services/demoWorkspace';
import { Workbench } from './services/workbench';
import { APP_VERSION } from './version';
import { formatSummary } from './cliFormat';

const USAGE = `usage: healthscore <command> [options]

commands:
  info --workspace FILE [--json]              summary of a workspace
  demo --workspace FILE [--accounts N] [--seed N]
                                              write the seeded demo workspace to a new file
  --version                                   print the version`;

class UsageError extends Error {}

function requireOption(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`missing --${name}`);
  return value;
}

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === 'version') {
    console.log(APP_VERSION);
    return 0;
  }
  const { values } = parseArgs({
    args: rest,
    options: { workspace: { type: 'string' }, json: { type: 'boolean' }, accounts: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  });
  switch (command) {
    case 'info': {
      const file = requireOption(values.workspace, 'workspace');
      const workbench = new Workbench({ dataDir: resolveDataDir(undefined), mode: 'browser', version: APP_VERSION });
      try {
        const summary = await workbench.openWorkspace({ path: file });
        console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
      } finally {
        workbench.close();
      }
      return 0;
    }
    case 'demo': {
      const file = requireOption(values.workspace, 'workspace');
      writeDemoWorkspace(file, { accounts: positiveInt(values.accounts, 'accounts'), seed: positiveInt(values.seed, 'seed') });
      console.log(`Wrote the demo workspace to ${file}`);
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`healthscore: ${(err as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`healthscore: ${err instanceof ApiError ? err.message : (err as Error).message}`);
    process.exit(1);
  },
);
