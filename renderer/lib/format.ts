// Display formatting. Numbers are rounded here for people to read; nothing computed is rounded.
// A fixed locale keeps the UI (and its tests) the same on every machine.

import type { AttributeValue } from '../../shared/api';
import type { FieldKind } from '../../shared/dataset';

const LOCALE = 'en-US';

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const currencyFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const compactCurrencyFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

export const MISSING = '—';

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** `1 account`, `5,000 accounts`. */
export function formatCount(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatInteger(value)} ${value === 1 ? singular : plural}`;
}

/** Whole dollars for a table cell: `$48,000`. */
export function formatCurrency(value: number | null): string {
  return value === null || !Number.isFinite(value) ? MISSING : currencyFormat.format(value);
}

/** Short form for headlines: `$12.4M`, `$850K`. */
export function formatCurrencyCompact(value: number): string {
  return Number.isFinite(value) ? compactCurrencyFormat.format(value) : MISSING;
}

export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return MISSING;
  const pct = (100 * part) / whole;
  return `${pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`;
}

/** `2025-12-01 → 2026-11-01`, or the single date, or a dash. */
export function formatDateRange(dates: readonly string[]): string {
  if (dates.length === 0) return MISSING;
  const first = dates[0];
  const last = dates[dates.length - 1];
  return first === last ? first : `${first} → ${last}`;
}

export function formatAttribute(value: AttributeValue | undefined, kind?: FieldKind): string {
  if (value === null || value === undefined || value === '') return MISSING;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return MISSING;
    if (kind === 'boolean') return value ? 'Yes' : 'No';
    return Number.isInteger(value) ? formatInteger(value) : decimalFormat.format(value);
  }
  return value;
}

const ACRONYMS = new Set(['arr', 'mrr', 'csm', 'id', 'nps', 'csat', 'qbr', 'sla', 'api', 'sso']);

/** `csm_assigned` → `CSM assigned`, `lastLoginDate` → `Last login date`. */
export function humanizeFieldName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  if (words.length === 0) return name;
  return words
    .map((w, i) => (ACRONYMS.has(w) ? w.toUpperCase() : i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}
