import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsPage, ApiEnvelope, WorkspaceSummary } from '../../shared/api';
import { TOKEN_HEADER } from '../../shared/httpProtocol';
import { decodeWire, encodeWire } from '../../shared/wire';
import { startHost, type RunningHost } from '../helpers/browserHost';
import { chromiumUnavailableReason, launchChromium } from '../helpers/chromium';
import { WorkbenchPage } from './pages/workbenchPage';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const skip = chromiumUnavailableReason() !== null;

describe.skipIf(skip)('browser mode end to end (Debian Chromium)', () => {
  let host: RunningHost;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  let workbench: WorkbenchPage;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-e2e-'));

  /** The same api the page uses, called directly, to compute what the screen should show. */
  async function api<T>(method: string, args: unknown): Promise<T> {
    const res = await fetch(`${host.origin}/api/${method}`, { method: 'POST', headers: { [TOKEN_HEADER]: host.token }, body: encodeWire(args) });
    const envelope = decodeWire(new Uint8Array(await res.arrayBuffer())) as ApiEnvelope<T>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value;
  }

  beforeAll(async () => {
    host = await startHost(['--data-dir', dataDir]);
    ({ browser, close: closeBrowser } = await launchChromium());
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    workbench = new WorkbenchPage(await context.newPage());
    await workbench.open(host.url);
    await workbench.showDesigner();
  });

  afterAll(async () => {
    await closeBrowser?.();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the demo workspace in the designer: name, account count and a tab per segment', async () => {
    const summary = await api<WorkspaceSummary>('getWorkspaceSummary', {});
    await expect.poll(() => workbench.workspaceName.textContent()).toContain('Demo — Northwind SaaS book');
    expect(await workbench.accountCount.textContent()).toContain('2,000');
    for (const segment of summary.segments) await workbench.segmentTab(segment.name).waitFor();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await workbench.page.screenshot({ path: path.join(ARTIFACTS, 'first-screen.png') });
    await workbench.showAccounts();
  });

  it('scores with the WebAssembly kernel: the CSP lets the scoring worker compile it', async () => {
    const kernel = workbench.page.getByTestId('scoring-kernel');
    await kernel.waitFor();
    expect(await kernel.getAttribute('data-kernel')).toBe('wasm');
    expect(await kernel.textContent()).toContain('WebAssembly SIMD');
  });

  it('moves the token out of the address bar', async () => {
    expect(workbench.page.url()).not.toContain('token=');
  });

  it('shows the accounts in the order the api gives them', async () => {
    const expected = await api<AccountsPage>('listAccounts', { offset: 0, limit: 10, sort: { column: 'name', direction: 'asc' } });
    await expect.poll(async () => (await workbench.visibleAccountKeys()).slice(0, 10)).toEqual(expected.rows.map((r) => r.key));
  });

  it('loads later pages lazily when scrolled to the end', async () => {
    const expected = await api<AccountsPage>('listAccounts', { offset: 1995, limit: 5, sort: { column: 'name', direction: 'asc' } });
    await workbench.scrollTableToBottom();
    await expect.poll(async () => (await workbench.visibleAccountKeys()).slice(-1)[0], { timeout: 10_000 }).toBe(expected.rows[4].key);
  });

  it('searches by account id', async () => {
    await workbench.search('ACC-00042');
    await expect.poll(() => workbench.visibleAccountKeys()).toEqual(['ACC-00042']);
    expect(await workbench.matchingCount.textContent()).toMatch(/\b1 account\b/);
    await workbench.search('');
    await expect.poll(() => workbench.matchingCount.textContent()).toMatch(/2,000 accounts/);
  });

  it('filters by segment, counting what the api counts', async () => {
    const summary = await api<WorkspaceSummary>('getWorkspaceSummary', {});
    const enterprise = summary.segments.find((s) => s.name === 'Enterprise')!;
    await workbench.filterBySegment('Enterprise');
    await expect.poll(() => workbench.matchingCount.textContent()).toMatch(new RegExp(`${enterprise.accounts.toLocaleString('en-US')} accounts`));
    const shownSegments = await workbench.accountRows.evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
    expect(shownSegments.length).toBeGreaterThan(5);
    expect(shownSegments.every((text) => text.includes('Enterprise'))).toBe(true);
    await workbench.filterBySegment(null);
    await expect.poll(() => workbench.matchingCount.textContent()).toMatch(/2,000 accounts/);
  });

  it('sorts by ARR when the header is clicked', async () => {
    await workbench.sortBy('ARR');
    const first = await api<AccountsPage>('listAccounts', { offset: 0, limit: 5, sort: { column: 'arr', direction: 'asc' } });
    const firstDesc = await api<AccountsPage>('listAccounts', { offset: 0, limit: 5, sort: { column: 'arr', direction: 'desc' } });
    // The table shows the sorted page once it has loaded (right after the click it may be empty).
    let shown: string[] = [];
    await expect.poll(async () => {
      shown = (await workbench.visibleAccountKeys()).slice(0, 5);
      return JSON.stringify(shown) === JSON.stringify(first.rows.map((r) => r.key)) || JSON.stringify(shown) === JSON.stringify(firstDesc.rows.map((r) => r.key));
    }).toBe(true);
    expect(shown.length).toBe(5);
  });

  it('a page opened without the token shows a clear error instead of data', async () => {
    const page = await context.browser()!.newContext().then((c) => c.newPage());
    await page.goto(host.origin + '/');
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/access token/);
    await page.context().close();
  });
});
