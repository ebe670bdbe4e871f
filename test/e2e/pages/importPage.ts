import type { Locator, Page } from 'playwright-core';

/** The spreadsheet import as a user walks it: choose files, check the columns, import, read the summary. */
export class ImportPage {
  constructor(readonly page: Page) {}

  get openButton(): Locator {
    return this.page.getByTestId('import-button');
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import spreadsheets' });
  }

  get errorMessage(): Locator {
    return this.dialog.getByTestId('import-error');
  }

  get importedAccounts(): Locator {
    return this.dialog.getByTestId('imported-accounts');
  }

  /** The role chosen for a column in the columns step. */
  roleOf(header: string): Locator {
    return this.dialog.getByTestId(`role-${header}`);
  }

  /** A sheet's tab in the columns step ("book.xlsx · Snapshots"). */
  sheetTab(label: string): Locator {
    return this.dialog.getByRole('tab', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }

  /** What the shown sheet holds (accounts, snapshots…). */
  get sheetKind(): Locator {
    return this.dialog.getByLabel('This sheet holds');
  }

  /** Adds another sheet of the shown workbook to the import; resolves when its tab shows. */
  async addWorkbookSheet(fileName: string, sheet: string): Promise<void> {
    await this.dialog.getByLabel('Another sheet of this workbook').selectOption(sheet);
    await this.dialog.getByRole('button', { name: `Add sheet “${sheet}”` }).click();
    await this.firstOf(this.sheetTab(`${fileName} · ${sheet}`), 60_000);
  }

  async open(): Promise<void> {
    try {
      await this.openButton.waitFor({ timeout: 10_000 });
    } catch {
      throw new Error('No Import button on the page: App.tsx must mount <ImportButton /> and <ImportView /> from renderer/features/import, and the renderer must be rebuilt.');
    }
    await this.openButton.click();
    await this.dialog.waitFor();
  }

  async chooseFiles(...paths: string[]): Promise<void> {
    await this.dialog.getByLabel('Files to import', { exact: true }).setInputFiles(paths);
  }

  /** Uploads and analyses the chosen files; resolves on the columns step (or throws the error shown). */
  async analyse(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^Analyse/ }).click();
    await this.firstOf(this.dialog.getByRole('heading', { name: 'What each column means' }), 60_000);
  }

  /** Imports with the mappings shown, accepting the report's decision if one is asked; resolves on the summary. */
  async importAndAcceptReport(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Continue' }).click();
    const decision = this.dialog.getByTestId('import-decision');
    const done = this.dialog.getByTestId('import-done');
    await this.firstOf(decision.or(done), 120_000);
    if (await decision.isVisible()) {
      await decision.getByRole('button').last().click();
      await this.firstOf(done, 120_000);
    }
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  /** Waits for `target`, failing early with the flow's own error message if one shows up instead. */
  private async firstOf(target: Locator, timeout: number): Promise<void> {
    await target.or(this.errorMessage).first().waitFor({ timeout });
    if (await this.errorMessage.isVisible()) throw new Error(`The import showed an error: ${await this.errorMessage.textContent()}`);
  }
}
