// What the analysis found in one column: its type, how much is missing, the range or the common
// values, and the values that do not read as the type (the first ones on hover or expanded).

import type { ColumnProfile } from '../../../shared/import/inferColumn';
import { formatInteger } from '../../lib/format';
import { TYPE_LABELS, formatShare } from './importFormat';

const SHOWN_FAILURES = 20;
const TOP_SHOWN = 3;
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function typeText(p: ColumnProfile): string {
  const extras = [p.percent ? '%' : null, p.currency, p.type === 'date' && p.dateOrder && p.dateOrder !== 'ambiguous' ? p.dateOrder.toUpperCase() : null];
  const shown = extras.filter(Boolean);
  return shown.length ? `${TYPE_LABELS[p.type]} (${shown.join(', ')})` : TYPE_LABELS[p.type];
}

function rangeText(p: ColumnProfile): string | null {
  if (p.type === 'number' && p.min !== null && p.max !== null) return `${numberFormat.format(p.min)} – ${numberFormat.format(p.max)}`;
  if (p.type === 'date' && p.minDate && p.maxDate) return `${p.minDate} – ${p.maxDate}`;
  return null;
}

function valuesText(p: ColumnProfile): string {
  const distinct = p.distinctCapped ? 'over 1,000 distinct' : `${formatInteger(p.distinctCount)} distinct`;
  const top = p.topValues.slice(0, TOP_SHOWN).map((v) => v.value);
  return top.length > 0 && !p.distinctCapped ? `${distinct}: ${top.join(', ')}${p.distinctCount > TOP_SHOWN ? '…' : ''}` : distinct;
}

export function ColumnProfileView({ profile }: { profile: ColumnProfile }) {
  const failures = profile.failures.slice(0, SHOWN_FAILURES);
  return (
    <div className="profile" data-testid="column-profile">
      <span className="profile__type">{typeText(profile)}</span>
      <span className="profile__fact">{formatShare(profile.missingPercent)} missing</span>
      <span className="profile__fact" title={rangeText(profile) ?? valuesText(profile)}>
        {rangeText(profile) ?? valuesText(profile)}
      </span>
      {profile.failureCount > 0 ? (
        <details className="profile__failures">
          <summary title={failures.slice(0, 5).map((f) => `row ${f.row}: “${f.value}”`).join('\n')}>
            {formatInteger(profile.failureCount)} {profile.failureCount === 1 ? 'value does' : 'values do'} not read as {TYPE_LABELS[profile.type].toLowerCase()}
          </summary>
          <ul className="profile__failure-list">
            {failures.map((f) => (
              <li key={f.row}>
                Row {formatInteger(f.row)}: “{f.value}”
              </li>
            ))}
            {profile.failureCount > failures.length ? <li>…and {formatInteger(profile.failureCount - failures.length)} more</li> : null}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
