// The headless command line: `npx healthscore <command>`, sharing the services the app uses.

import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ApiError } from '../shared/api';
import { positiveInt, requireOption, UsageError } from './cli/args';
import { parseHorizon, runBacktestCli, runSuggestWeightsCli } from './cli/backtestCommand';
import { formatBacktest, formatSuggestions } from './cli/backtestFormat';
import { formatSummary } from './cli/format';
import { runExportSql } from './cli/exportSqlCommand';
import { formatImportResult, importOptionsFrom, runImportCommand } from './cli/importCommand';
import { runScore } from './cli/scoreCommand';
import { resolveDataDir } from './services/appPaths';
import { writeDemoWorkspace } from './services/demoWorkspace';
import { ScorecardService } from './services/scorecards';
import { Workbench } from './services/workbench';
import { WorkspaceStore } from './store/workspaceStore';
import { APP_VERSION } from './version';

const USAGE = `usage: healthscore <command> [options]

commands:
  info --workspace FILE [--json]              summary of a workspace
  score --workspace FILE [--scorecard S.json] [--as-of YYYY-MM-DD] --out scores.csv [--json]
                                              score a snapshot (default: the latest) with the
                                              workspace's scorecard or a scorecard file
  backtest --workspace FILE [--scorecard S.json] [--as-of YYYY-MM-DD] [--horizon 90d]
           [--resamples N] [--seed N] [--include-overrides] [--json]
                                              AUC with a bootstrap CI, band table, calibration
  suggest-weights --workspace FILE [--scorecard S.json] [--as-of YYYY-MM-DD] [--horizon 90d]
           [--folds N] [--seed N] [--json]    weights fitted to churn per segment, cross-validated
  export-scorecard --workspace FILE --out S.json [--version N]
                                              write the draft (or a saved version) as a file
  import-scorecard --workspace FILE S.json    make a scorecard file the workspace's draft
  export-sql --scorecard S.json [--dialect sqlite|duckdb] [--table NAME] [--out FILE]
           [--id-column NAME] [--snapshot-date YYYY-MM-DD | --snapshot-column NAME] [--schema NAME]
                                              the scorecard as one SQL SELECT computing the same
                                              scores from a table of accounts (docs/sql-export.md)
  import FILE... --workspace FILE [--mapping M.json] [--on-problem skip|abort] [--replace]
           [--as-of YYYY-MM-DD] [--json]      import spreadsheets (CSV, TSV, XLSX) into a workspace
                                              (created when the file does not exist); FILE may be
                                              book.xlsx#Sheet to read that sheet (default: the
                                              first); name a workbook again for another sheet
  demo --workspace FILE [--accounts N] [--seed N]
                                              write the seeded demo workspace to a new file
  --version                                   print the version`;

const OPTIONS = {
  workspace: { type: 'string' },
  json: { type: 'boolean' },
  accounts: { type: 'string' },
  seed: { type: 'string' },
  scorecard: { type: 'string' },
  'as-of': { type: 'string' },
  mapping: { type: 'string' },
  'on-problem': { type: 'string' },
  replace: { type: 'boolean' },
  out: { type: 'string' },
  version: { type: 'string' },
  horizon: { type: 'string' },
  resamples: { type: 'string' },
  folds: { type: 'string' },
  'include-overrides': { type: 'boolean' },
} as const;

/** JSON output: typed arrays as plain arrays, non-finite numbers as null (JSON has no NaN). */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function withScorecards<T>(workspace: string, use: (service: ScorecardService) => T): T {
  const store = WorkspaceStore.open(workspace);
  try {
    return use(new ScorecardService(store));
  } finally {
    store.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === 'version') {
    console.log(APP_VERSION);
    return 0;
  }
  // export-sql parses its own options (electron/cli/exportSqlCommand.ts).
  if (command === 'export-sql') return runExportSql(rest);
  const { values, positionals } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: true });
  const noPositionals = () => {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  };
  switch (command) {
    case 'info': {
      noPositionals();
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
    case 'score': {
      noPositionals();
      const result = runScore({
        workspace: requireOption(values.workspace, 'workspace'),
        scorecardFile: values.scorecard,
        asOf: values['as-of'],
        out: requireOption(values.out, 'out'),
      });
      console.log(values.json ? JSON.stringify(result, null, 2) : `Scored ${result.asOf} with "${result.scorecard}"; wrote ${result.out}`);
      return 0;
    }
    case 'backtest':
    case 'suggest-weights': {
      noPositionals();
      const options = {
        workspace: requireOption(values.workspace, 'workspace'),
        scorecardFile: values.scorecard,
        asOf: values['as-of'],
        horizonDays: parseHorizon(values.horizon),
        seed: positiveInt(values.seed, 'seed') ?? 1,
        resamples: positiveInt(values.resamples, 'resamples') ?? 1000,
        includeOverrides: values['include-overrides'] ?? false,
      };
      if (command === 'backtest') {
        const result = runBacktestCli(options);
        console.log(values.json ? JSON.stringify(result, jsonReplacer, 2) : formatBacktest(result));
      } else {
        const result = runSuggestWeightsCli({ ...options, folds: positiveInt(values.folds, 'folds') ?? 5 });
        console.log(values.json ? JSON.stringify(result, jsonReplacer, 2) : formatSuggestions(result));
      }
      return 0;
    }
    case 'export-scorecard': {
      noPositionals();
      const out = requireOption(values.out, 'out');
      const file = withScorecards(requireOption(values.workspace, 'workspace'), (s) => s.exportFile(positiveInt(values.version, 'version')));
      fs.writeFileSync(out, file.text);
      console.log(`Wrote ${out}`);
      return 0;
    }
    case 'import-scorecard': {
      if (positionals.length !== 1) throw new UsageError('import-scorecard takes one scorecard file');
      const text = fs.readFileSync(positionals[0], 'utf8');
      const state = withScorecards(requireOption(values.workspace, 'workspace'), (s) => s.importFile(text, positionals[0]));
      console.log(`"${state.draft.name}" is now the draft scorecard of the workspace`);
      return 0;
    }
    case 'import': {
      const result = await runImportCommand(importOptionsFrom(values, positionals, resolveDataDir(undefined)));
      console.log(values.json ? JSON.stringify(result, null, 2) : formatImportResult(result));
      return 0;
    }
    case 'demo': {
      noPositionals();
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
