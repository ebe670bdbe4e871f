// The "Workspace" menu in the top bar: open the demo, open or create a file, or reopen a recent one.

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ChevronDownIcon } from '../shell/icons';
import { useWorkspaceStore } from './workspaceStore';

interface MenuItem {
  key: string;
  label: string;
  detail?: string;
  tag?: string;
  disabled?: boolean;
  onSelect(): void;
}

export function WorkspaceMenu() {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const recent = useWorkspaceStore((s) => s.recent);
  const currentPath = useWorkspaceStore((s) => s.summary?.path ?? null);
  const busy = useWorkspaceStore((s) => s.busy);
  const { openDemo, openPath, showPathDialog, refreshRecent } = useWorkspaceStore.getState();

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const items: MenuItem[] = [
    { key: 'demo', label: 'Open demo workspace', disabled: busy, onSelect: () => void openDemo() },
    { key: 'open', label: 'Open workspace…', onSelect: () => showPathDialog('open') },
    { key: 'new', label: 'New workspace…', onSelect: () => showPathDialog('create') },
  ];
  const recentItems: MenuItem[] = recent.map((r) => ({
    key: `recent:${r.path}`,
    label: r.name,
    detail: r.path,
    tag: !r.exists ? 'File missing' : r.path === currentPath ? 'Open' : undefined,
    disabled: !r.exists || busy || r.path === currentPath,
    onSelect: () => void openPath(r.path),
  }));
  const itemCount = items.length + recentItems.length;

  useEffect(() => {
    if (!open) return;
    void refreshRecent();
    const onPointerDown = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointerDown);
    return () => document.removeEventListener('mousedown', onPointerDown);
  }, [open, refreshRecent]);

  useEffect(() => {
    if (open) itemRefs.current.find((el) => el && !el.disabled)?.focus();
  }, [open]);

  const moveFocus = (delta: number | 'first' | 'last') => {
    const enabled = itemRefs.current.slice(0, itemCount).filter((el): el is HTMLButtonElement => !!el && !el.disabled);
    if (enabled.length === 0) return;
    const at = enabled.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      delta === 'first' ? 0 : delta === 'last' ? enabled.length - 1 : (at + delta + enabled.length) % enabled.length;
    enabled[next].focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const actions: Record<string, () => void> = {
      ArrowDown: () => moveFocus(1),
      ArrowUp: () => moveFocus(-1),
      Home: () => moveFocus('first'),
      End: () => moveFocus('last'),
      Escape: () => close(true),
      Tab: () => close(false),
    };
    const action = actions[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    action();
  };

  const select = (item: MenuItem) => {
    close(true);
    item.onSelect();
  };

  const renderItem = (item: MenuItem, index: number) => (
    <button
      key={item.key}
      ref={(el) => {
        itemRefs.current[index] = el;
      }}
      type="button"
      role="menuitem"
      className="menu__item"
      disabled={item.disabled}
      aria-disabled={item.disabled || undefined}
      onClick={() => select(item)}
    >
      <span className="menu__label">
        {item.label}
        {item.tag ? <span className="menu__tag">{item.tag}</span> : null}
      </span>
      {item.detail ? <span className="menu__detail">{item.detail}</span> : null}
    </button>
  );

  return (
    <div className="menu-anchor" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Workspace
        <ChevronDownIcon />
      </button>
      {open ? (
        <div id={menuId} role="menu" aria-label="Workspace" className="menu" onKeyDown={onMenuKeyDown}>
          {items.map((item, i) => renderItem(item, i))}
          <div role="separator" className="menu__separator" />
          <div className="menu__heading" role="presentation">
            Recent workspaces
          </div>
          {recentItems.length === 0 ? (
            <div className="menu__empty" role="presentation">
              None yet
            </div>
          ) : (
            recentItems.map((item, i) => renderItem(item, items.length + i))
          )}
        </div>
      ) : null}
    </div>
  );
}
