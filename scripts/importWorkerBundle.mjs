// How the import worker is bundled, for the app's build and for the tests that bundle it afresh.
// exceljs (3 MB of the worker's 4) goes to a file of its own beside the worker, required on the
// first workbook: a worker thread that reads CSV (and the helper thread of a split read) starts
// without compiling it. xlsxStream.ts imports it dynamically, which marks the boundary.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The dynamic import('exceljs') → require('./exceljs.cjs') from the worker's own folder. */
export const exceljsBeside = {
  name: 'exceljs-beside',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './exceljs.cjs', external: true } : undefined));
  },
};

/** Entry points (bundle name → source) of the worker's two files. */
export const importWorkerEntries = {
  importWorker: 'electron/import/importWorker.ts',
  exceljs: require.resolve('exceljs'),
};
