// The spreadsheet import, for App.tsx:
//   const dragging = useWindowFileDrop();   // once, in App: dropping files on the window opens the import
//   <ImportButton />                          // where the user starts an import (top bar / workspace header)
//   <ImportView />                            // once, anywhere: the modal flow (renders nothing while closed)

export { ImportView } from './ImportView';
export { ImportButton } from './ImportButton';
export { useWindowFileDrop } from './useWindowFileDrop';

import { useImportStore } from './importStore';

/** Opens the import (optionally with files), e.g. from a menu command. */
export function openImport(files?: readonly File[]): void {
  useImportStore.getState().openImport(files);
}
