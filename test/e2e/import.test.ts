// Spreadsheet import through the UI in Chromium (browser mode): the Telco churn CSV into a new
// workspace, and two sheets of one workbook into another. Needs the Node side of the import api
// (skipped, with a warning, until the host answers getImportJob) and the import UI mounted in
// App.tsx (the Import button).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnvelope } from '../../shared/api';
import { TOKEN_HEADER } from '../../shared/httpProtocol';
import { decodeWire, encodeWire } from '../../shared/wire';
import { startHost, type RunningHost } from '../helpers/browserHost';
import { chromiumUnavailableReason, launchChromium } from '../helpers/chromium';
import { ImportPage } from './pages/importPage';
import { WorkbenchPage } from './pages/workbenchPage';

const TELCO = '/work/shared/data/telco-ibm/Telco-Customer-Churn.csv';
const HOST_BUNDLE = path.resolve(__dirname, '../../dist/electron/host.cjs');

async function callApi(host: RunningHost, method: string, args: unknown): Promise<ApiEnvelope<unknown>> {
  const res = await fetch(`${host.origin}/api/${method}`, { method: 'POST', headers: { [TOKEN_HEADER]: host.token }, body: encodeWire(args) });
  return decodeWire(new Uint8Array(await res.arrayBuffer())) as ApiEnvelope<unknown>;
}

/** An accounts sheet first, monthly snapshots on a second sheet (dates as date cells). */
async function writeTwoSheetWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const accounts = wb.addWorksheet('Accounts');
  accounts.addRow(['account_id', 'account_name', 'segment', 'arr']);
  accounts.addRows([
    ['A-1', 'Acme', 'Enterprise', 120000],
    ['A-2', 'Globex', 'SMB', 5000],
    ['A-3', 'Initech', 'SMB', 7500],
  ]);
  const snapshots = wb.addWorksheet('Snapshots');
  snapshots.addRow(['account_id', 'snapshot_date', 'logins']);
  for (const [id, month, logins] of [['A-1', 4, 12], ['A-2', 4, 3], ['A-3', 4, 40], ['A-1', 5, 15], ['A-3', 5, 38]] as const) {
    snapshots.addRow([id, new Date(Date.UTC(2024, month, 0)), logins]);
  }
  snapshots.getColumn(2).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(file);
}

/** True when the built host implements the import jobs: an unknown job is 'not_found', not a missing method. */
async function probeNodeSide(): Promise<boolean> {
  if (chromiumUnavailableReason() !== null || !fs.existsSync(TELCO) || !fs.existsSync(HOST_BUNDLE)) return false;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-import-probe-'));
  let host: RunningHost | undefined;
  try {
    host = await startHost(['--data-dir', dataDir]);
    const envelope = await callApi(host, 'getImportJob', { jobId: 'probe-00000000' });
    const ready = envelope.ok || !['unknown_method', 'internal'].includes(envelope.error.code);
    if (!ready) console.warn(`skipping the import e2e test: the host does not implement import jobs yet (${envelope.error.message})`);
    return ready;
  } finally {
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const nodeSideReady = await probeNodeSide();

describe.skipIf(!nodeSideReady)('spreadsheet import end to end (Debian Chromium)', () => {
  let host: RunningHost;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-import-e2e-'));

  beforeAll(async () => {
    host = await startHost(['--data-dir', dataDir]);
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(host.url);
    await page.getByTestId('workspace-name').waitFor();
  });

  afterAll(async () => {
    await closeBrowser?.();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function createWorkspace(file: string): Promise<void> {
    await page.getByRole('button', { name: 'Workspace' }).click();
    await page.getByRole('menuitem', { name: 'New workspace…' }).click();
    await page.getByLabel('File path').fill(file);
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByTestId('workspace-name').textContent()).toBe(path.basename(file, '.hsw'));
  }

  it('imports the Telco churn CSV into a new workspace: 7,043 accounts', async () => {
    await createWorkspace(path.join(dataDir, 'telco.hsw'));
    expect(await page.getByTestId('account-count').textContent()).toBe('0');
    // No data yet: the designer says so (and offers the import) instead of an error.
    expect(await page.getByTestId('designer-no-data').textContent()).toMatch(/no data yet/);
    expect(await page.getByRole('alert').count()).toBe(0);

    const importer = new ImportPage(page);
    await importer.open();
    await importer.chooseFiles(TELCO);
    await importer.analyse();
    expect(await importer.roleOf('customerID').inputValue()).toBe('accountId');
    expect(await importer.roleOf('Churn').inputValue()).toBe('churnedFlag');

    await importer.importAndAcceptReport();
    expect(await importer.importedAccounts.textContent()).toBe('7,043');
    await importer.close();

    await expect.poll(() => page.getByTestId('account-count').textContent(), { timeout: 10_000 }).toBe('7,043');
  }, 120_000);

  it('imports two sheets of one workbook (accounts, then monthly snapshots added by hand): the accounts table fills', async () => {
    const book = path.join(dataDir, 'book.xlsx');
    await writeTwoSheetWorkbook(book);
    await createWorkspace(path.join(dataDir, 'book.hsw'));

    const importer = new ImportPage(page);
    await importer.open();
    await importer.chooseFiles(book);
    await importer.analyse();
    expect(await importer.roleOf('account_id').inputValue()).toBe('accountId');
    expect(await importer.sheetKind.inputValue()).toBe('accounts');

    await importer.addWorkbookSheet('book.xlsx', 'Snapshots');
    expect(await importer.sheetTab('book.xlsx · Snapshots').getAttribute('aria-selected')).toBe('true');
    expect(await importer.sheetKind.inputValue()).toBe('snapshots');
    expect(await importer.roleOf('snapshot_date').inputValue()).toBe('snapshotDate');

    await importer.importAndAcceptReport();
    expect(await importer.importedAccounts.textContent()).toBe('3');
    await importer.close();

    await expect.poll(() => page.getByTestId('account-count').textContent(), { timeout: 10_000 }).toBe('3');
    const workbench = new WorkbenchPage(page);
    await workbench.showAccounts();
    await expect.poll(() => workbench.visibleAccountKeys(), { timeout: 10_000 }).toEqual(expect.arrayContaining(['A-1', 'A-2', 'A-3']));
  }, 120_000);
});
