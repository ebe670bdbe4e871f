// The app's main navigation between views, as tabs under the workspace header.

import { useRef, type KeyboardEvent } from 'react';
import { VIEWS, useViewStore } from './viewStore';

export function ViewTabs() {
  const view = useViewStore((s) => s.view);
  const show = useViewStore((s) => s.show);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const at = VIEWS.findIndex((v) => v.id === view);
    const next = (at + delta + VIEWS.length) % VIEWS.length;
    show(VIEWS[next].id);
    refs.current[next]?.focus();
  };
  return (
    <nav className="view-tabs" aria-label="Views">
      <div role="tablist" aria-label="Views" onKeyDown={onKeyDown} className="view-tabs__list">
        {VIEWS.map((v, i) => (
          <button
            key={v.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`view-tab-${v.id}`}
            aria-selected={view === v.id}
            aria-controls="view-panel"
            tabIndex={view === v.id ? 0 : -1}
            className="view-tab"
            data-testid={`view-tab-${v.id}`}
            onClick={() => show(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
    </nav>
  );
}
