// The designer's segment tabs (the scorecard's segments in rule order, then the default), each with
// its live number of accounts. Left/Right arrows move between tabs.

import { useRef, type KeyboardEvent } from 'react';
import { formatInteger } from '../../lib/format';

export interface SegmentTab {
  id: string;
  label: string;
  accounts: number | null;
}

interface SegmentTabsProps {
  tabs: SegmentTab[];
  selected: string;
  panelId: string;
  onSelect(id: string): void;
}

export function SegmentTabs({ tabs, selected, panelId, onSelect }: SegmentTabsProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = (at + delta + tabs.length) % tabs.length;
    onSelect(tabs[next].id);
    refs.current[next]?.focus();
  };
  return (
    <div className="segment-tabs" role="tablist" aria-label="Segments" onKeyDown={onKeyDown}>
      {tabs.map((tab, i) => {
        const active = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            className="segmented__option segment-tab"
            aria-selected={active}
            aria-controls={panelId}
            tabIndex={active ? 0 : -1}
            data-testid="segment-tab"
            data-segment-id={tab.id}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            <span className="segment-tab__count" data-testid="segment-tab-count">
              {tab.accounts === null ? '…' : formatInteger(tab.accounts)}
            </span>
          </button>
        );
      })}
    </div>
  );
}
