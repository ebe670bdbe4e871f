// Plain-text rendering of CLI results for people; --json prints the api objects as they are.

import type { WorkspaceSummary } from '../../shared/api';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export function formatSummary(s: WorkspaceSummary): string {
  const dates = s.snapshotDates;
  const snapshotLine = dates.length ? `${dates.length} (${dates[0]} → ${dates[dates.length - 1]})` : 'none';
  const lines = [
    `Workspace   ${s.name}${s.isDemo ? ' (demo)' : ''}`,
    `File        ${s.path}`,
    `Accounts    ${s.accountCount.toLocaleString('en-US')} (${s.churnedCount.toLocaleString('en-US')} churned)`,
    `ARR         ${money.format(s.totalArr)}`,
    `Snapshots   ${snapshotLine}`,
    `Segments    ${s.segments.length ? s.segments.map((g) => `${g.name} ${g.accounts.toLocaleString('en-US')}`).join(', ') : 'none'}`,
    `Metrics     ${s.metrics.map((m) => m.name).join(', ') || 'none'}`,
    `Attributes  ${s.attributes.map((a) => a.name).join(', ') || 'none'}`,
  ];
  return lines.join('\n');
}
