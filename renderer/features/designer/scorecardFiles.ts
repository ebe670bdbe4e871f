// Import and export of scorecard files. Export downloads through a Blob URL on an <a download>
// (a navigation the CSP does not govern, and no request leaves the app); import reads a chosen file
// and lets the workspace validate it, so a bad file changes nothing.

import { api } from '../../api/client';
import { reportError } from '../shell/errorStore';
import { useDesignerStore } from './designerStore';

export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; the URL can go once it is read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportScorecard(): Promise<void> {
  try {
    if (!(await useDesignerStore.getState().flushSave())) {
      reportError(new Error('The draft has unsaved changes that could not be saved; fix them first.'), 'Exporting the scorecard');
      return;
    }
    const { fileName, text } = await api.exportScorecardFile({});
    downloadText(fileName, text);
  } catch (error) {
    reportError(error, 'Exporting the scorecard');
  }
}

export async function importScorecard(file: File): Promise<void> {
  try {
    // A pending autosave of the old draft must not land after the import and overwrite it.
    await useDesignerStore.getState().flushSave();
    const state = await api.importScorecardFile({ text: await file.text(), fileName: file.name });
    useDesignerStore.getState().replaceDraft(state.draft, state.versions);
  } catch (error) {
    reportError(error, `Importing “${file.name}”`);
  }
}
