import type { Locator, Page } from 'playwright-core';

/** The back-test panel as a user sees it: its navigation control, its settings and its numbers. */
export class BacktestPage {
  constructor(readonly page: Page) {}

  /** The app's way to the panel: a tab, button or link named "Back-test". */
  get navigation(): Locator {
    const name = { name: 'Back-test', exact: true };
    return this.page.getByRole('tab', name).or(this.page.getByRole('button', name)).or(this.page.getByRole('link', name));
  }

  /** True when the app offers the panel (App.tsx mounts BacktestView behind a "Back-test" control). */
  async isMounted(): Promise<boolean> {
    await this.page.getByTestId('workspace-name').waitFor();
    return (await this.navigation.count()) > 0;
  }

  async open(): Promise<void> {
    await this.navigation.first().click();
    await this.auc.waitFor({ timeout: 60_000 });
  }

  get panel(): Locator {
    return this.page.getByTestId('backtest');
  }

  get auc(): Locator {
    return this.page.getByTestId('backtest-auc');
  }

  get interval(): Locator {
    return this.page.getByTestId('backtest-auc-ci');
  }

  get asOfSelect(): Locator {
    return this.page.getByTestId('backtest-as-of');
  }

  /** The AUC at full precision (the text shows it rounded). */
  async aucValue(): Promise<number> {
    return Number(await this.auc.getAttribute('data-auc'));
  }

  async asOf(): Promise<string> {
    return this.asOfSelect.inputValue();
  }

  async chooseAsOf(date: string): Promise<void> {
    await this.asOfSelect.selectOption(date);
  }

  async chooseHorizon(days: 30 | 60 | 90 | 180): Promise<void> {
    await this.page.getByRole('group', { name: 'Horizon' }).getByRole('button', { name: `${days} d` }).click();
  }

  /** Waits until the bootstrap interval has replaced "computing…". */
  async waitForInterval(): Promise<string> {
    await this.page.waitForFunction(() => {
      const text = document.querySelector('[data-testid="backtest-auc-ci"]')?.textContent ?? '';
      return text.startsWith('95% CI') && !text.includes('computing');
    }, null, { timeout: 60_000 });
    return (await this.interval.textContent()) ?? '';
  }

  /** Waits until no newer request is being computed. */
  async waitUntilSettled(): Promise<void> {
    await this.page.waitForFunction(() => !document.querySelector('[aria-labelledby="backtest-auc-title"][aria-busy="true"]'), null, { timeout: 60_000 });
  }

  /** Grows the window to the panel's height, so one screenshot holds all of it. */
  async fitWindowToPanel(width = 1440): Promise<void> {
    const height = await this.panel.evaluate((el) => el.scrollHeight + el.getBoundingClientRect().top + 40);
    await this.page.setViewportSize({ width, height: Math.min(Math.ceil(height), 8000) });
  }
}
