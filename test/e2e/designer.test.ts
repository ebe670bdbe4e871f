// The scorecard designer in Chromium against browser mode on a fresh demo workspace: weight
// sliders moved with the mouse and the keyboard, threshold markers dragged, the account drawer.
// Every count on screen is checked against the engine run here on the data and the draft the app
// saved, fetched over HTTP with the page's token.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoringData } from '../../shared/scoring/data';
import { startHost, type RunningHost } from '../helpers/browserHost';
import { chromiumUnavailableReason, launchChromium } from '../helpers/chromium';
import { WorkbenchPage } from './pages/workbenchPage';
import { bandTotals, latestScoringData, savedDraft, weightIn } from './scoringReference';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const skip = chromiumUnavailableReason() !== null;

describe.skipIf(skip)('scorecard designer end to end (Debian Chromium)', () => {
  let host: RunningHost;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let workbench: WorkbenchPage;
  let data: ScoringData;
  const problems: string[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-designer-'));

  /** The draft once autosaved, and the counts the engine gives it. */
  async function savedState() {
    await workbench.waitUntilSaved();
    const draft = await savedDraft(host);
    return { draft, expected: bandTotals(draft, data) };
  }

  beforeAll(async () => {
    host = await startHost(['--data-dir', dataDir]);
    ({ browser, close: closeBrowser } = await launchChromium());
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    // CSP violations and script errors would otherwise pass silently.
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    workbench = new WorkbenchPage(page);
    await workbench.open(host.url);
    await workbench.showDesigner();
    data = await latestScoringData(host);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the band counts the engine computes for the proposed scorecard', async () => {
    const { expected } = await savedState();
    await expect.poll(() => workbench.bandCounts()).toEqual(expected);
    expect(expected.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
  });

  it('dragging a weight slider with the mouse changes the weight, the share and the counts to the engine’s', async () => {
    await workbench.showSegment('Enterprise');
    const before = await workbench.weightShare('Seat utilization pct', 'Enterprise').textContent();
    await workbench.dragWeightSlider('Seat utilization pct', 'Enterprise', 0.8);
    const { draft, expected } = await savedState();
    const weight = weightIn(draft, 'Enterprise', 'Seat utilization pct') as number;
    expect(weight).toBeGreaterThan(6);
    expect(await workbench.weightShare('Seat utilization pct', 'Enterprise').textContent()).not.toBe(before);
    await expect.poll(() => workbench.bandCounts()).toEqual(expected);
    // Only Enterprise changed: the other segments still inherit the metric's own weight.
    expect(weightIn(draft, 'SMB', 'Seat utilization pct')).toBe(1);
  });

  it('moving a weight slider with the keyboard (arrows, Page Up, End, Home) gives the engine’s counts', async () => {
    await workbench.pressOnWeightSlider('Delinquent', 'SMB', ['ArrowRight', 'ArrowRight', 'PageUp']);
    let { draft, expected } = await savedState();
    const stepped = weightIn(draft, 'SMB', 'Delinquent') as number;
    // Two steps of 1/200 of the scale (10) and one page of a tenth of it.
    expect(stepped).toBeCloseTo(1 + 2 * 0.05 + 1, 6);
    await expect.poll(() => workbench.bandCounts()).toEqual(expected);

    // End goes to the top of the slider's scale (which has grown with the list's total).
    const scaleTop = Number(await workbench.weightSlider('Delinquent', 'SMB').getAttribute('max'));
    await page.keyboard.press('End');
    ({ draft, expected } = await savedState());
    expect(weightIn(draft, 'SMB', 'Delinquent')).toBe(scaleTop);
    await expect.poll(() => workbench.bandCounts()).toEqual(expected);

    await page.keyboard.press('Home');
    ({ draft, expected } = await savedState());
    expect(weightIn(draft, 'SMB', 'Delinquent')).toBe(0);
    await expect.poll(() => workbench.bandCounts()).toEqual(expected);
  });

  it('dragging the red threshold marker moves the threshold and recounts the bands', async () => {
    const before = await workbench.bandCounts();
    await workbench.dragThreshold('red', 55);
    const { draft, expected } = await savedState();
    expect(draft.thresholds.red).toBeGreaterThanOrEqual(54);
    expect(draft.thresholds.red).toBeLessThanOrEqual(56);
    await expect.poll(() => workbench.bandCounts()).toEqual(expected);
    expect(expected[0]).toBeGreaterThan(before[0]);
    expect(await workbench.thresholdMarker('red').getAttribute('aria-valuenow')).toBe(String(draft.thresholds.red));
  });

  it('exports the scorecard as a download and imports it back (Blob URL download under the CSP)', async () => {
    const { draft } = await savedState();
    const exported = await workbench.exportScorecard();
    expect(exported.fileName).toMatch(/\.json$/);
    expect(JSON.parse(exported.text)).toEqual(draft);

    await workbench.dragWeightSlider('Nps', 'Mid-Market', 0.9);
    await workbench.waitUntilSaved();
    expect(weightIn(await savedDraft(host), 'Mid-Market', 'Nps')).not.toBe(1);
    const file = path.join(dataDir, exported.fileName);
    fs.writeFileSync(file, exported.text);
    await workbench.importScorecard(file);
    await expect.poll(async () => weightIn(await savedDraft(host), 'Mid-Market', 'Nps')).toBe(1);
    const { expected } = await savedState();
    await expect.poll(() => workbench.bandCounts()).toEqual(expected);
  });

  it('saves a version and draws it behind the draft as the baseline', async () => {
    await workbench.saveVersion('Red threshold 55, heavier seat utilization for Enterprise');
    await expect.poll(() => workbench.baselineChoice.inputValue()).toBe('1');
    await expect.poll(() => workbench.bandCountTile('red').textContent()).toContain('±0 vs v1');
    await workbench.dragWeightSlider('Logins 30d', 'SMB', 0.9);
    await expect.poll(() => workbench.bandCountTile('red').textContent()).toMatch(/[+−]\d[\d,]* vs v1/);
  });

  it('saves screenshots of the designer in light and dark', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(ARTIFACTS, `designer-${scheme}.png`) });
      await workbench.openMetricEditor('Last login');
      await page.screenshot({ path: path.join(ARTIFACTS, `metric-editor-${scheme}.png`) });
      await workbench.backToWeights();
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('an account’s contributions add up to its score in the drawer', async () => {
    await workbench.showAccounts();
    await workbench.sortBy('Score');
    await expect.poll(async () => (await workbench.visibleAccountKeys()).length).toBeGreaterThan(5);
    const key = (await workbench.visibleAccountKeys())[3];
    await workbench.openAccount(key);
    await expect.poll(async () => (await workbench.drawerNumbers()).contributions.length).toBeGreaterThan(3);
    const { score, shownScore, contributions, shownContributions } = await workbench.drawerNumbers();
    // The demo scorecard has no adjustments, so the weighted score is the score.
    expect(contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(score, 6);
    // What is shown is rounded to 0.1: the shown parts may drift by half a unit each.
    const shownSum = shownContributions.reduce((a, b) => a + b, 0);
    expect(Math.abs(shownSum - shownScore)).toBeLessThanOrEqual(0.05 * (shownContributions.length + 1));
    await page.screenshot({ path: path.join(ARTIFACTS, 'account-drawer.png') });
  });

  it('logged no CSP violation or script error', () => {
    expect(problems).toEqual([]);
  });
});
