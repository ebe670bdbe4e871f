// Dropping files anywhere on the window opens the import with them. Every file drag is accepted
// (dragover must be cancelled, or the browser — or Electron — would navigate to the file); drops
// that a drop zone already handled are left to it.

import { useEffect } from 'react';
import { useImportStore } from './importStore';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** Installs the window listeners; answers whether files are being dragged over the window now. */
export function useWindowFileDrop(): boolean {
  const dragActive = useImportStore((s) => s.dragActive);

  useEffect(() => {
    const { setDragActive } = useImportStore.getState();
    // dragenter/dragleave fire for every element crossed: count them to know when the drag left.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragActive(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragActive(false);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      const handled = event.defaultPrevented;
      event.preventDefault();
      depth = 0;
      setDragActive(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (!handled && files.length > 0) useImportStore.getState().openImport(files);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
      setDragActive(false);
    };
  }, []);

  return dragActive;
}
