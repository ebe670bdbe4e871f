// The weights of the chosen segment: segment tabs over the list of groups and metrics.

import { useId, useMemo } from 'react';
import { segmentList } from '../../../shared/scorecard/resolve';
import type { Scorecard } from '../../../shared/scorecard/types';
import type { DistributionSummary } from '../scoring/protocol';
import { useDesignerStore } from './designerStore';
import { SegmentTabs } from './SegmentTabs';
import { WeightList } from './WeightList';
import { weightTree } from './weightTree';

interface WeightPanelProps {
  scorecard: Scorecard;
  summary: DistributionSummary | null;
  segmentId: string;
}

export function WeightPanel({ scorecard, summary, segmentId }: WeightPanelProps) {
  const panelId = useId();
  const selectSegment = useDesignerStore((s) => s.selectSegment);
  const openEditor = useDesignerStore((s) => s.openEditor);
  const segments = segmentList(scorecard);
  const segmentIndex = Math.max(0, segments.findIndex((s) => s.id === segmentId));
  const segment = segments[segmentIndex];
  // Recomputed only when the scorecard changes, so a new distribution leaves the sliders alone.
  const rows = useMemo(() => weightTree(scorecard, segmentIndex), [scorecard, segmentIndex]);
  const tabs = segments.map((s) => {
    const counts = summary?.segments.find((d) => d.id === s.id)?.counts;
    return { id: s.id, label: s.label, accounts: counts ? counts.reduce((t, c) => t + c, 0) : null };
  });
  return (
    <section className="weight-panel" aria-labelledby={`${panelId}-title`}>
      <div className="panel-section__head">
        <h2 id={`${panelId}-title`} className="panel-title">
          Weights
        </h2>
        <button type="button" className="button button--small" onClick={() => openEditor({ kind: 'segments' })}>
          Segment rules…
        </button>
      </div>
      <SegmentTabs tabs={tabs} selected={segment.id} panelId={panelId} onSelect={selectSegment} />
      <div id={panelId} role="tabpanel" className="weight-panel__body" aria-label={`Weights for ${segment.label}`}>
        <div className="weight-panel__columns" aria-hidden="true">
          <span>Metric</span>
          <span>Weight</span>
          <span />
          <span>Share</span>
        </div>
        <WeightList
          rows={rows}
          scorecard={scorecard}
          segmentIndex={segmentIndex}
          segmentId={segment.id}
          segmentLabel={segment.label}
          listLabel="Groups and metrics"
        />
      </div>
    </section>
  );
}
