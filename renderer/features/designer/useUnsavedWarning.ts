// Asks before the page goes away while the draft has edits not yet in the workspace, and starts
// that save at once in case the user stays. In the desktop app a cancelled unload closes nothing
// and shows no prompt, so there it only holds the window while a save is about to settle.

import { useEffect } from 'react';
import { transport } from '../../api/client';
import { unsavedWork, useDesignerStore } from './designerStore';

export function useUnsavedWarning(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const work = unsavedWork();
      if (work === 'none' || (transport === 'ipc' && work === 'stuck')) return;
      void useDesignerStore.getState().flushSave();
      event.preventDefault();
      // Chromium still wants returnValue set to show its "Leave site?" prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
