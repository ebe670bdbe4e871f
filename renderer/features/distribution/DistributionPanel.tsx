// The distribution side of the designer: KPI tiles and the score histogram (with draggable
// thresholds and the baseline behind it) for all accounts or the chosen segment, then the bands
// of every segment.

import { useCallback, useRef, useState } from 'react';
import type { Thresholds } from '../../../shared/scorecard/types';
import type { Scorecard } from '../../../shared/scorecard/types';
import { useChartColors } from '../charts/themeColors';
import { useDesignerStore } from '../designer/designerStore';
import type { DistributionSummary } from '../scoring/protocol';
import { KpiTiles } from './KpiTiles';
import { ScoreHistogram } from './ScoreHistogram';
import { SegmentBandBars } from './SegmentBandBars';
import { thresholdsFor, withThresholds } from './thresholdEdits';

interface DistributionPanelProps {
  scorecard: Scorecard;
  summary: DistributionSummary;
  baseline: DistributionSummary | null;
  segmentId: string;
}

export function DistributionPanel({ scorecard, summary, baseline, segmentId }: DistributionPanelProps) {
  const [scope, setScope] = useState<'all' | 'segment'>('all');
  const colors = useChartColors();
  const baselineVersion = useDesignerStore((s) => s.baselineVersion);
  const edit = useDesignerStore((s) => s.edit);
  const scopedSegment = scope === 'segment' ? summary.segments.find((s) => s.id === segmentId) ?? null : null;
  const shown = scopedSegment ?? summary.total;
  const shownBaseline = baseline ? (scopedSegment ? baseline.segments.find((s) => s.id === segmentId) ?? null : baseline.total) : null;
  const thresholdScope = scopedSegment ? segmentId : null;
  const thresholds = thresholdsFor(scorecard, thresholdScope);
  const segmentLabel = summary.segments.find((s) => s.id === segmentId)?.label ?? segmentId;
  // A stable handler, so that a weight edit (new scorecard, same thresholds) leaves the chart alone.
  const latest = useRef({ scorecard, thresholdScope });
  latest.current = { scorecard, thresholdScope };
  const onThresholdsChange = useCallback(
    (next: Thresholds) => {
      const { scorecard: sc, thresholdScope: scope } = latest.current;
      edit(withThresholds(sc, scope, next), { mergeKey: `thresholds:${scope ?? '*'}` });
    },
    [edit],
  );

  return (
    <section className="distribution-panel" aria-labelledby="distribution-title">
      <div className="panel-section__head">
        <h2 id="distribution-title" className="panel-title">
          Distribution
        </h2>
        <div className="segmented" role="group" aria-label="Accounts shown">
          <button type="button" className="segmented__option" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
            All accounts
          </button>
          <button type="button" className="segmented__option" aria-pressed={scope === 'segment'} onClick={() => setScope('segment')}>
            {segmentLabel}
          </button>
        </div>
      </div>
      <KpiTiles scope={shown} baseline={shownBaseline} baselineLabel={baselineVersion !== null ? `v${baselineVersion}` : null} />
      <div className="panel-section">
        <div className="panel-section__head">
          <h3 className="panel-section__title">Scores</h3>
          <p className="chart-legend">
            {shownBaseline ? (
              <span className="chart-legend__item">
                <span className="chart-legend__swatch chart-legend__swatch--baseline" aria-hidden="true" />
                Baseline v{baselineVersion}
              </span>
            ) : null}
            <span className="chart-legend__hint">Drag the markers to move the thresholds</span>
          </p>
        </div>
        <ScoreHistogram
          histogram={shown.histogram}
          baseline={shownBaseline?.histogram ?? null}
          thresholds={thresholds}
          colors={colors}
          scopeLabel={shown.label}
          onThresholdsChange={onThresholdsChange}
        />
      </div>
      <SegmentBandBars segments={summary.segments} colors={colors} />
    </section>
  );
}
