// The designer screen: toolbar, then the chosen segment's weights beside the distribution they
// produce. Edits apply at once; the charts follow as soon as the scoring worker answers.

import { useEffect } from 'react';
import { useWorkspaceStore } from '../workspace/workspaceStore';
import { DistributionPanel } from '../distribution/DistributionPanel';
import { openImport } from '../import';
import { notePainted } from '../scoring/perfProbe';
import { useScoringStore } from '../scoring/scoringStore';
import { useDesignerStore } from './designerStore';
import { DesignerToolbar } from './DesignerToolbar';
import { IssueList } from './IssueList';
import { MetricEditor } from './MetricEditor';
import { SegmentRuleEditor } from './SegmentRuleEditor';
import { useDesignerShortcuts } from './useDesignerShortcuts';
import { WeightPanel } from './WeightPanel';

export function DesignerView() {
  const status = useDesignerStore((s) => s.status);
  const scorecard = useDesignerStore((s) => s.history?.present ?? null);
  const segmentId = useDesignerStore((s) => s.segmentId);
  const issues = useDesignerStore((s) => s.issues);
  const editor = useDesignerStore((s) => s.editor);
  const workspace = useWorkspaceStore((s) => s.summary);
  const summary = useScoringStore((s) => s.summary);
  const baseline = useScoringStore((s) => s.baseline);
  const appliedTag = useScoringStore((s) => s.appliedTag);
  const scoringStatus = useScoringStore((s) => s.status);
  const scoringMessage = useScoringStore((s) => s.message);
  useDesignerShortcuts();

  // Runs after the children's effects (the charts' setOption) of the same commit.
  useEffect(() => notePainted(appliedTag), [summary, appliedTag]);

  if (status === 'loading' || status === 'idle') {
    return (
      <p className="loading-state" role="status">
        Loading the scorecard…
      </p>
    );
  }
  if (status === 'noData') {
    return (
      <div className="loading-state" role="status" data-testid="designer-no-data">
        <p>This workspace has no data yet. Import a spreadsheet of account metrics and a scorecard will be proposed from it.</p>
        <button type="button" className="button" onClick={() => openImport()}>
          Import a spreadsheet…
        </button>
      </div>
    );
  }
  if (!scorecard) return <p className="loading-state">The scorecard could not be loaded.</p>;

  return (
    <div className="designer" data-testid="designer">
      <DesignerToolbar />
      {issues.length > 0 ? <IssueList issues={issues} /> : null}
      <div className="designer__body">
        {editor?.kind === 'metric' && scorecard.metrics.some((m) => m.id === editor.metricId) ? (
          <MetricEditor scorecard={scorecard} metricId={editor.metricId} />
        ) : editor?.kind === 'segments' ? (
          <SegmentRuleEditor scorecard={scorecard} summary={summary} fields={[...(workspace?.attributes ?? []), ...(workspace?.metrics ?? [])]} />
        ) : (
          <WeightPanel scorecard={scorecard} summary={summary} segmentId={segmentId} />
        )}
        {summary ? (
          <DistributionPanel scorecard={scorecard} summary={summary} baseline={baseline} segmentId={segmentId} />
        ) : (
          <p className="distribution-panel distribution-panel--empty" role="status">
            {scoringStatus === 'loading' ? 'Scoring the accounts…' : scoringMessage ?? 'No scores yet.'}
          </p>
        )}
      </div>
    </div>
  );
}
