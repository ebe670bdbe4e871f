import type { Locator, Page } from 'playwright-core';

export type BandName = 'red' | 'yellow' | 'green' | 'unscored';

/** The workbench as a user sees it, so tests speak of what is on screen, not selectors. */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.workspaceName.waitFor();
  }

  get workspaceName(): Locator {
    return this.page.getByTestId('workspace-name');
  }

  get accountCount(): Locator {
    return this.page.getByTestId('account-count');
  }

  get errorBanner(): Locator {
    return this.page.getByRole('alert');
  }

  // Views

  async showDesigner(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Designer', exact: true }).click();
    await this.bandCountTile('red').waitFor();
  }

  async showAccounts(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Accounts', exact: true }).click();
    await this.accountsTable.waitFor();
  }

  // Designer

  /** A segment's tab; its accessible name is the label followed by the account count. */
  segmentTab(label: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${label}\\s*[\\d,]+$`) });
  }

  async showSegment(label: string): Promise<void> {
    await this.segmentTab(label).click();
  }

  /** The weight slider for a metric (or "<group> group") in a segment. */
  weightSlider(metric: string, segment: string): Locator {
    return this.page.getByRole('slider', { name: `Weight of ${metric} (${segment})` });
  }

  weightShare(metric: string, segment: string): Locator {
    return this.page.locator(`[data-testid="weight-row"][data-weight-subject="${metric} (${segment})"] [data-testid="weight-share"]`);
  }

  /** Drags the slider's thumb with the mouse to `fraction` (0–1) of its track. */
  async dragWeightSlider(metric: string, segment: string, fraction: number): Promise<void> {
    await this.showSegment(segment);
    const slider = this.weightSlider(metric, segment);
    const box = (await slider.boundingBox())!;
    const { value, max } = await slider.evaluate((el: HTMLInputElement) => ({ value: Number(el.value), max: Number(el.max) }));
    // Native range thumbs are ~16px wide; their centre travels from 8px to width − 8px.
    const xOf = (f: number) => box.x + 8 + f * (box.width - 16);
    const y = box.y + box.height / 2;
    await this.page.mouse.move(xOf(value / max), y);
    await this.page.mouse.down();
    for (let step = 1; step <= 10; step++) await this.page.mouse.move(xOf(value / max + ((fraction - value / max) * step) / 10), y);
    await this.page.mouse.up();
  }

  /** Focuses the slider and presses keys on it (e.g. "ArrowRight", "PageUp", "End"). */
  async pressOnWeightSlider(metric: string, segment: string, keys: string[]): Promise<void> {
    await this.showSegment(segment);
    await this.weightSlider(metric, segment).focus();
    for (const key of keys) await this.page.keyboard.press(key);
  }

  async openMetricEditor(metric: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${metric}`, exact: true }).click();
    await this.page.getByTestId('metric-chart').waitFor();
  }

  async backToWeights(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to weights' }).click();
  }

  bandCountTile(band: BandName): Locator {
    return this.page.getByTestId(`kpi-${band}`);
  }

  /** Accounts per band as the KPI tiles show them: red, yellow, green, unscored. */
  async bandCounts(): Promise<number[]> {
    return Promise.all((['red', 'yellow', 'green', 'unscored'] as const).map(async (b) => Number(await this.bandCountTile(b).getAttribute('data-count'))));
  }

  thresholdMarker(band: 'red' | 'green'): Locator {
    return this.page.getByRole('slider', { name: band === 'red' ? 'Red threshold' : 'Green threshold' });
  }

  /** Drags a threshold marker with the mouse to a score, placing it by the two markers' own positions. */
  async dragThreshold(band: 'red' | 'green', score: number): Promise<void> {
    const at = async (b: 'red' | 'green') => {
      const marker = this.thresholdMarker(b);
      const box = (await marker.boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2, value: Number(await marker.getAttribute('aria-valuenow')) };
    };
    const red = await at('red');
    const green = await at('green');
    const pxPerPoint = (green.x - red.x) / (green.value - red.value);
    const from = band === 'red' ? red : green;
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    const targetX = from.x + (score - from.value) * pxPerPoint;
    for (let step = 1; step <= 8; step++) await this.page.mouse.move(from.x + ((targetX - from.x) * step) / 8, from.y);
    await this.page.mouse.up();
  }

  get saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  /** Waits until the autosave has written the draft. */
  async waitUntilSaved(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved', null, { timeout: 10_000 });
  }

  /** Exports the scorecard file through the browser's download and returns its text. */
  async exportScorecard(): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export scorecard' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  async importScorecard(file: string): Promise<void> {
    await this.page.getByTestId('scorecard-file-input').setInputFiles(file);
  }

  async saveVersion(message: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Save version…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Save version' });
    await dialog.getByLabel('What changed').fill(message);
    await dialog.getByRole('button', { name: 'Save version' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  get baselineChoice(): Locator {
    return this.page.getByLabel('Compare with');
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo' }).click();
  }

  // Accounts

  get accountsTable(): Locator {
    return this.page.getByTestId('accounts-table');
  }

  get accountRows(): Locator {
    return this.page.getByTestId('account-row');
  }

  get matchingCount(): Locator {
    return this.page.getByTestId('accounts-count');
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search accounts').fill(text);
  }

  async filterBySegment(label: string | null): Promise<void> {
    await this.page.getByLabel('Filter by segment').selectOption({ label: label ?? 'All segments' });
  }

  async sortBy(header: string): Promise<void> {
    // The header's sort button holds the label (the cell around it is wider in end-aligned columns).
    await this.accountsTable.getByRole('columnheader', { name: header, exact: true }).getByRole('button').click();
  }

  /** Account ids of the rows currently rendered (the table is virtualized: only visible rows exist). */
  async visibleAccountKeys(): Promise<string[]> {
    return this.accountRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-account-key') ?? ''));
  }

  async scrollTableToBottom(): Promise<void> {
    await this.accountsTable.evaluate((el) => {
      const scroller = (el.querySelector('[data-scroll-container]') as HTMLElement | null) ?? el;
      scroller.scrollTop = scroller.scrollHeight;
    });
  }

  async openAccount(key: string): Promise<void> {
    await this.accountRows.locator(`xpath=self::*[@data-account-key="${key}"]`).click();
    await this.accountDrawer.getByTestId('contribution-table').waitFor();
  }

  get accountDrawer(): Locator {
    return this.page.getByTestId('account-drawer');
  }

  /** The drawer's score and each metric's contribution, as shown (rounded) and as computed. */
  async drawerNumbers(): Promise<{ score: number; shownScore: number; contributions: number[]; shownContributions: number[] }> {
    const scoreCell = this.accountDrawer.getByTestId('drawer-score');
    const rows = this.accountDrawer.getByTestId('contribution-row');
    const contributions = await rows.evaluateAll((els) => els.map((r) => Number(r.getAttribute('data-contribution'))));
    // The last cell of a row is its contribution as shown ("—" when the metric did not count).
    const shown = await rows.evaluateAll((els) => els.map((r) => r.querySelector('td:last-child')?.textContent ?? ''));
    return {
      score: Number(await scoreCell.getAttribute('data-score')),
      shownScore: Number(await scoreCell.textContent()),
      contributions,
      shownContributions: shown.filter((t) => t !== '—').map(Number),
    };
  }
}
