// Plain-text reports of the back-test commands (numbers rounded for reading only).

import type { runBacktestCli, runSuggestWeightsCli } from './backtestCommand';

const int = (n: number) => n.toLocaleString('en-US');
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '—');
const num = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '—');
const money = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export function formatBacktest(r: ReturnType<typeof runBacktestCli>): string {
  const ci = r.auc.ci;
  const lines = [
    `Back-test of "${r.scorecard}" as of ${r.asOf}, horizon ${r.horizonDays} days (${r.window})`,
    `Accounts ${int(r.labels.labelled)} labelled: ${int(r.labels.churned)} churned, ${int(r.labels.retained)} retained ` +
      `(left out: ${int(r.labels.excludedChurnedBefore)} churned before, ${int(r.labels.excludedAbsent)} absent, ${int(r.labels.excludedUndatedChurn)} undated churn, ${int(r.labels.excludedOverride)} overridden)`,
    `AUC ${num(r.auc.auc)}  (${Math.round(ci.confidence * 100)}% CI ${num(ci.lo)}–${num(ci.hi)}, ${int(ci.resamples)} resamples, seed ${ci.seed})${r.auc.undefinedReason ? ` — undefined: ${r.auc.undefinedReason}` : ''}`,
    '',
    table(
      ['Band', 'Accounts', 'Churned', 'Rate', 'Lift', 'Recall', 'ARR', 'Churned ARR'],
      r.bands.overall.rows.map((b) => [b.band, int(b.accounts), int(b.churned), pct(b.churnRate), num(b.lift, 2), pct(b.recall), money(b.arr), money(b.churnedArr)]),
    ),
    '',
    'Calibration (churn rate per score decile)',
    table(
      ['Scores', 'Accounts', 'Churned', 'Rate'],
      r.calibration.overall.map((b) => [`${b.lo}–${b.hi}`, int(b.accounts), int(b.churned), pct(b.churnRate)]),
    ),
    '',
    table(
      ['Segment', 'AUC', 'Churned', 'Retained'],
      r.segments.map((s) => [s.segment, num(s.auc.auc), int(s.auc.churned), int(s.auc.retained)]),
    ),
  ];
  if (r.warnings.length) lines.push('', 'Warnings:', ...r.warnings.map((w) => `- ${w}`));
  return lines.join('\n');
}

export function formatSuggestions(r: ReturnType<typeof runSuggestWeightsCli>): string {
  const lines = [`Weight suggestions for "${r.scorecard}" as of ${r.asOf}, horizon ${r.horizonDays} days`];
  for (const s of r.segments) {
    lines.push('', `Segment ${s.segment}: ${int(s.churned)} churned; current scorecard AUC ${num(s.currentAuc)}`);
    if (!s.suggestion) {
      lines.push(`  no suggestion: ${s.error}`);
      continue;
    }
    const g = s.suggestion;
    lines.push(`  suggested weights: training AUC ${num(g.trainingAuc)}, ${g.folds}-fold cross-validated AUC ${num(g.cvAuc)}`);
    lines.push(
      table(
        ['  Metric', 'Weight', 'Range'],
        g.metrics.map((m) => [`  ${m.metric}`, `${m.weightPct.toFixed(1)}%`, Number.isFinite(m.lo) ? `${m.lo.toFixed(1)}–${m.hi.toFixed(1)}%` : '—']),
      ),
    );
    for (const w of g.warnings) lines.push(`  ! ${w.message}`);
  }
  return lines.join('\n');
}
