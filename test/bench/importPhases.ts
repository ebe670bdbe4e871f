// A profiling driver for the import (not a bench the runner picks up): runs the worker's passes
// in this thread, one after the other, on a CSV file and prints the seconds of each phase, so that
// `node --cpu-prof` sees one call tree. Bundle it and run it:
//   npx esbuild test/bench/importPhases.ts --bundle --platform=node --format=cjs \
//     --external:better-sqlite3 --outfile=dist/bench/importPhases.cjs
//   npx node [--cpu-prof] dist/bench/importPhases.cjs FILE.csv [analysis|build|all] [--one-thread]
// A big delimited file's second half is read by a helper thread from the worker bundle
// (dist/electron/importWorker.cjs, from `npx node scripts/build.mjs`); --one-thread reads it here.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyseSheets } from '../../electron/import/analyseSheets';
import { buildImport } from '../../electron/import/buildImport';
import { ProgressMeter } from '../../electron/import/progressMeter';
import { CancelFlag, type ImportRequest } from '../../electron/import/workerProtocol';
import { commitImport } from '../../electron/import/writeImport';
import { AccountsView } from '../../electron/services/accountsView';
import { WorkspaceStore } from '../../electron/store/workspaceStore';

async function main(): Promise<void> {
  const [file, upTo = 'all'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const helperFile = process.argv.includes('--one-thread') ? undefined : path.resolve(__dirname, '../electron/importWorker.cjs');
  const sources = [{ fileName: path.basename(file), path: file }];
  const cancel = new CancelFlag(CancelFlag.create());
  const meter = new ProgressMeter(fs.statSync(file).size, () => {});
  const times: Record<string, number> = {};
  let t = performance.now();
  let cpu = process.cpuUsage();
  // Wall seconds, and CPU seconds of the process (steadier when other work shares the cores).
  const lap = (name: string) => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    times[name] = Math.round(now - t) / 1000;
    times[`${name}Cpu`] = Math.round((used.user + used.system) / 1000) / 1000;
    t = now;
    cpu = process.cpuUsage();
  };
  const [sheet] = await analyseSheets(sources, meter, cancel);
  lap('analysis');
  if (upTo !== 'analysis') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-phases-'));
    const workspacePath = path.join(dir, 'w.hsw');
    WorkspaceStore.create(workspacePath, 'phases').close();
    const request: ImportRequest = { kind: 'import', sources, headers: [sheet.headers], mappings: [sheet.guess], importDate: '2024-06-30', workspacePath };
    t = performance.now();
    cpu = process.cpuUsage();
    const { dataset, report } = await buildImport(request, meter, cancel, helperFile);
    lap('build');
    if (upTo === 'all') {
      // The app keeps its own connection open meanwhile (so closing the import's does not checkpoint).
      const store = WorkspaceStore.open(workspacePath);
      t = performance.now();
      cpu = process.cpuUsage();
      commitImport({ workspacePath, dataset, source: 'x', replaceSnapshots: false, mappings: [], meter, cancel, beforeCommit: () => {} });
      lap('write');
      new AccountsView(store);
      lap('views');
      store.close();
    }
    times.problems = report.problemCount;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  times.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(times));
}

void main();
