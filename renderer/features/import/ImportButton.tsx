// "Import…": opens the import flow (mount it in the top bar or the workspace header).

import { UploadIcon } from './importIcons';
import { useImportStore } from './importStore';

export function ImportButton({ className = 'button' }: { className?: string }) {
  return (
    <button type="button" className={className} data-testid="import-button" onClick={() => useImportStore.getState().openImport()}>
      <UploadIcon />
      Import…
    </button>
  );
}
