// Renders the import button and dialog alone, with fresh stores, and walks the first steps as a
// user would.

import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach } from 'vitest';
import { ImportButton, ImportView } from '../../../../renderer/features/import';
import { discardImport } from '../../../../renderer/features/import/importFlow';
import { useImportStore } from '../../../../renderer/features/import/importStore';
import { useErrorStore } from '../../../../renderer/features/shell/errorStore';
import { useWorkspaceStore } from '../../../../renderer/features/workspace/workspaceStore';
import { importBackend } from './fakeImportApi';

export type User = ReturnType<typeof userEvent.setup>;

export function resetImport() {
  discardImport();
  useImportStore.setState(useImportStore.getInitialState(), true);
  useWorkspaceStore.setState(useWorkspaceStore.getInitialState(), true);
  useErrorStore.setState(useErrorStore.getInitialState(), true);
}

/** Every test of the file starts from a fresh fake backend (answering `analyses`) and fresh stores. */
export function freshImportEachTest(analyses?: () => typeof importBackend.analyses) {
  beforeEach(() => {
    importBackend.reset();
    resetImport();
    if (analyses) importBackend.analyses = analyses();
  });
  afterEach(() => {
    cleanup();
    resetImport();
  });
}

export function renderImport(): User {
  const user = userEvent.setup();
  render(
    <>
      <ImportButton />
      <ImportView />
    </>,
  );
  return user;
}

export function csvFile(name: string, text = 'account_id,logins\nA1,3\n'): File {
  return new File([text], name, { type: 'text/csv', lastModified: 1 });
}

/** Opens the import, chooses the files and starts the analysis. */
export async function chooseAndAnalyse(user: User, files: File[] = [csvFile('accounts.csv')]) {
  await user.click(screen.getByRole('button', { name: /Import/ }));
  await user.upload(screen.getByLabelText('Files to import'), files);
  await user.click(screen.getByRole('button', { name: /^Analyse/ }));
}

/** …and waits for the columns step. */
export async function openMapping(user: User, files?: File[]) {
  await chooseAndAnalyse(user, files);
  await screen.findByRole('heading', { name: 'What each column means' }, { timeout: 3000 });
}

export function continueButton(): HTMLButtonElement {
  return screen.getByRole('button', { name: 'Continue' }) as HTMLButtonElement;
}

export { cleanup };
