// One account under the draft: score, band and change; why it is unscored when it is; each
// metric's raw value, sub-score, applied weight and contribution (which add up to the score before
// adjustments); and the score over every snapshot.

import { useEffect, useMemo, useRef } from 'react';
import { segmentList, segmentThresholds } from '../../../shared/scorecard/resolve';
import { formatCurrency } from '../../lib/format';
import { EChart } from '../charts/EChart';
import { useChartColors } from '../charts/themeColors';
import { useDesignerStore } from '../designer/designerStore';
import { CloseIcon } from '../shell/icons';
import { useAccountsStore } from './accountsStore';
import { BandChip } from './BandChip';
import { formatChange, formatScore } from './columns';
import { ContributionTable } from './ContributionTable';
import { contributionOption, historyOption } from './drawerCharts';
import { useAccountDetail } from './useAccountDetail';

const BAND_CODES = { red: 0, yellow: 1, green: 2, unscored: 3, absent: 4 } as const;

export function AccountDrawer({ index, revision }: { index: number; revision: number }) {
  const { detail, history, error } = useAccountDetail(index, revision);
  const scorecard = useDesignerStore((s) => s.history?.present ?? null);
  const openAccount = useAccountsStore((s) => s.openAccount);
  const colors = useChartColors();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), [index]);

  const e = detail?.explanation;
  const k = scorecard && e ? segmentList(scorecard).findIndex((s) => s.id === e.segmentId) : -1;
  const thresholds = scorecard ? (k >= 0 ? segmentThresholds(scorecard, k) : scorecard.thresholds) : { red: 40, green: 70 };
  const counted = useMemo(() => e?.metrics.filter((m) => m.status === 'present' || m.status === 'imputed') ?? [], [e]);
  const contributionChart = useMemo(() => contributionOption(counted, colors), [counted, colors]);
  const historyChart = useMemo(() => (history ? historyOption(history, thresholds, colors) : null), [history, thresholds, colors]);
  const score = e && e.finalScore === e.finalScore ? e.finalScore : null;
  const change = score !== null && detail?.previousScore != null ? score - detail.previousScore : null;

  return (
    <aside className="drawer" aria-label="Account details" data-testid="account-drawer" onKeyDown={(ev) => ev.key === 'Escape' && openAccount(null)}>
      <div className="drawer__head">
        <div>
          <h2 className="drawer__title">{detail?.name ?? e?.key ?? 'Loading…'}</h2>
          {e ? (
            <p className="drawer__subtitle">
              {e.key} · {detail?.segmentLabel} · {formatCurrency(detail?.arr ?? null)} ARR
            </p>
          ) : null}
        </div>
        <button ref={closeRef} type="button" className="icon-button" aria-label="Close account details" onClick={() => openAccount(null)}>
          <CloseIcon />
        </button>
      </div>
      {error ? <p className="drawer__error" role="alert">{error}</p> : null}
      {e && detail ? (
        <div className="drawer__body">
          <dl className="drawer__facts">
            <div>
              <dt>Score</dt>
              <dd className="drawer__score" data-testid="drawer-score" data-score={score ?? ''}>
                {formatScore(score)}
              </dd>
            </div>
            <div>
              <dt>Band</dt>
              <dd>
                <BandChip band={BAND_CODES[e.band]} />
              </dd>
            </div>
            <div>
              <dt>Change</dt>
              <dd>{formatChange(change)}</dd>
            </div>
            <div>
              <dt>Coverage</dt>
              <dd>{e.present ? `${Math.round(e.coverage * 100)}%` : '—'}</dd>
            </div>
          </dl>
          {detail.unscoredReason ? (
            <p className="drawer__reason" data-testid="unscored-reason">
              {detail.unscoredReason}
            </p>
          ) : null}
          {e.override ? (
            <p className="drawer__note">
              Manual override ({e.override.band ?? e.override.score}) until {e.override.expires}: {e.override.reason}
            </p>
          ) : null}
          <h3 className="drawer__section">Contributions</h3>
          {counted.length > 0 ? (
            <EChart option={contributionChart} style={{ height: 24 + counted.length * 22 }} ariaLabel="Contribution of each metric to the score" />
          ) : null}
          <ContributionTable detail={detail} />
          <h3 className="drawer__section">Score over time</h3>
          {historyChart ? (
            <EChart option={historyChart} style={{ height: 150 }} ariaLabel="Score in each snapshot" testId="history-chart" />
          ) : (
            <p className="drawer__muted">Scoring every snapshot…</p>
          )}
        </div>
      ) : null}
    </aside>
  );
}
