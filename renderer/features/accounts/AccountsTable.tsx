// The accounts grid: a sticky header of sortable columns over a virtualized body. Only the rows on
// screen exist in the DOM and only their pages are fetched, so 100k+ accounts scroll smoothly.
// The grid itself takes focus; arrow keys, Page Up/Down and Home/End move the highlighted row, and
// Enter (or a click) opens the account's drawer.

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { ScoredAccount } from '../scoring/protocol';
import { SortIcon } from '../shell/icons';
import { rowAt, useAccountsStore, type AccountsSort } from './accountsStore';
import type { AccountColumn } from './columns';

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 34;
/** Placeholder rows shown before the first page of a query has answered. */
const LOADING_ROWS = 12;

interface AccountsTableProps {
  columns: AccountColumn[];
  /** What to say when nothing matches. */
  emptyMessage: string;
}

export function AccountsTable({ columns, emptyMessage }: AccountsTableProps) {
  const total = useAccountsStore((s) => s.total);
  const pages = useAccountsStore((s) => s.pages);
  const generation = useAccountsStore((s) => s.generation);
  const dataVersion = useAccountsStore((s) => s.dataVersion);
  const sort = useAccountsStore((s) => s.query.sort);
  const failedCount = useAccountsStore((s) => s.failedPages.length);
  const openIndex = useAccountsStore((s) => s.openIndex);
  const { ensureRows, toggleSort, openAccount } = useAccountsStore.getState();

  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const [activeIndex, setActiveIndex] = useState(-1);

  const count = total ?? LOADING_ROWS;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The sticky header sits inside the scroll element, above the first row.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // React 19 batches the re-render itself; flushSync from inside a layout effect only warns.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items.length > 0 ? items[0].index : 0;
  const lastIndex = items.length > 0 ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (lastIndex >= firstIndex) ensureRows(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, generation, dataVersion, failedCount, ensureRows]);

  // A new query or workspace starts at the top.
  useEffect(() => {
    setActiveIndex(-1);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [generation]);

  const rowId = (index: number) => `${idPrefix}-row-${index}`;
  const activeRendered = activeIndex >= 0 && items.some((item) => item.index === activeIndex);

  const moveTo = (index: number) => {
    setActiveIndex(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || !total) return;
    if (event.key === 'Enter' && activeIndex >= 0) {
      const row = rowAt(pages, activeIndex);
      if (row) openAccount(row.index);
      return;
    }
    const viewport = scrollRef.current?.clientHeight ?? 0;
    const pageRows = Math.max(1, Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const last = total - 1;
    const from = activeIndex < 0 ? -1 : activeIndex;
    const targets: Record<string, number> = {
      ArrowDown: Math.min(last, from + 1),
      ArrowUp: Math.max(0, from - 1),
      PageDown: Math.min(last, Math.max(0, from) + pageRows),
      PageUp: Math.max(0, from - pageRows),
      Home: 0,
      End: last,
    };
    if (!(event.key in targets)) return;
    event.preventDefault();
    moveTo(targets[event.key]);
  };

  const template = columns.map((c) => c.track).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.minWidth, 0);
  const gridStyle = { '--grid-columns': template, '--grid-min-width': `${minWidth}px` } as CSSProperties;

  return (
    <div
      ref={scrollRef}
      className="accounts-grid"
      role="grid"
      aria-label="Accounts"
      aria-rowcount={total === null ? -1 : total + 1}
      aria-colcount={columns.length}
      aria-busy={total === null}
      aria-activedescendant={activeRendered ? rowId(activeIndex) : undefined}
      tabIndex={0}
      data-testid="accounts-table"
      style={gridStyle}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && activeIndex < 0 && total) setActiveIndex(0);
      }}
    >
      <div className="accounts-grid__head" role="rowgroup">
        <div className="accounts-grid__row accounts-grid__row--head" role="row" aria-rowindex={1}>
          {columns.map((column, i) => (
            <HeaderCell key={column.id} column={column} colIndex={i + 1} sort={sort} onSort={toggleSort} />
          ))}
        </div>
      </div>
      <div className="accounts-grid__body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
        {total === 0 ? (
          <div className="accounts-grid__empty" role="row" aria-rowindex={2}>
            <div role="gridcell" aria-colspan={columns.length}>
              {emptyMessage}
            </div>
          </div>
        ) : (
          items.map((item) => (
            <AccountRowView
              key={item.index}
              id={rowId(item.index)}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              row={total === null ? undefined : rowAt(pages, item.index)}
              columns={columns}
              active={item.index === activeIndex}
              open={openIndex !== null && openIndex === rowAt(pages, item.index)?.index}
              onSelect={setActiveIndex}
              onOpen={openAccount}
            />
          ))
        )}
      </div>
    </div>
  );
}

interface HeaderCellProps {
  column: AccountColumn;
  colIndex: number;
  sort: AccountsSort;
  onSort(column: NonNullable<AccountColumn['sortKey']>): void;
}

function HeaderCell({ column, colIndex, sort, onSort }: HeaderCellProps) {
  const className = `accounts-grid__cell accounts-grid__cell--head${column.align === 'end' ? ' is-end' : ''}`;
  const sortKey = column.sortKey;
  if (!sortKey) {
    return (
      <div className={className} role="columnheader" aria-colindex={colIndex}>
        <span className="accounts-grid__head-label">{column.label}</span>
      </div>
    );
  }
  const direction = sort.column === sortKey ? sort.direction : null;
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
  return (
    <div className={className} role="columnheader" aria-colindex={colIndex} aria-sort={ariaSort}>
      <button
        type="button"
        className="sort-button"
        data-testid={`sort-${sortKey}`}
        onClick={() => onSort(sortKey)}
        title={`Sort by ${column.label.toLowerCase()}`}
      >
        <span className="accounts-grid__head-label">{column.label}</span>
        <SortIcon sortDirection={direction} />
      </button>
    </div>
  );
}

interface AccountRowViewProps {
  id: string;
  index: number;
  top: number;
  row: ScoredAccount | undefined;
  columns: AccountColumn[];
  active: boolean;
  open: boolean;
  onSelect(index: number): void;
  onOpen(accountIndex: number): void;
}

const AccountRowView = memo(function AccountRowView({ id, index, top, row, columns, active, open, onSelect, onOpen }: AccountRowViewProps) {
  const position = { transform: `translateY(${top}px)` };
  const className = `accounts-grid__row${active ? ' is-active' : ''}${open ? ' is-open' : ''}${row?.churned ? ' is-churned' : ''}`;
  if (!row) {
    return (
      <div
        id={id}
        className={`${className} is-loading`}
        role="row"
        aria-rowindex={index + 2}
        aria-busy="true"
        data-testid="account-row-loading"
        style={position}
      >
        {columns.map((column, i) => (
          <div key={column.id} className="accounts-grid__cell" role="gridcell" aria-colindex={i + 1}>
            <span className={`skeleton skeleton--${(index + i) % 3}`} />
          </div>
        ))}
      </div>
    );
  }
  return (
    <div
      id={id}
      className={className}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid="account-row"
      data-account-key={row.key}
      style={position}
      onMouseDown={() => onSelect(index)}
      onClick={() => onOpen(row.index)}
    >
      {columns.map((column, i) => (
        <div
          key={column.id}
          className={`accounts-grid__cell${column.align === 'end' ? ' is-end' : ''}`}
          role="gridcell"
          aria-colindex={i + 1}
        >
          {column.render(row)}
        </div>
      ))}
    </div>
  );
});
