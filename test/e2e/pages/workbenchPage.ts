import type { Locator, Page } from 'playwright-core';

/** The workbench's first screen as a user sees it, so tests speak of what is on screen, not selectors. */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.accountsTable.waitFor();
  }

  get workspaceName(): Locator {
    return this.page.getByTestId('workspace-name');
  }

  get accountCount(): Locator {
    return this.page.getByTestId('account-count');
  }

  get accountsTable(): Locator {
    return this.page.getByTestId('accounts-table');
  }

  get accountRows(): Locator {
    return this.page.getByTestId('account-row');
  }

  get matchingCount(): Locator {
    return this.page.getByTestId('accounts-count');
  }

  get errorBanner(): Locator {
    return this.page.getByRole('alert');
  }

  segmentChip(name: string): Locator {
    return this.page.locator(`[data-testid="segment-chip"][data-segment="${name}"]`);
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search accounts').fill(text);
  }

  async sortBy(header: string): Promise<void> {
    await this.accountsTable.getByRole('columnheader', { name: header }).click();
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
}
