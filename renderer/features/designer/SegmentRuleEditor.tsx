// The segment rules: segments in the order they are tried (the first whose conditions all hold
// wins), each with its accounts counted live, and the default segment that catches the rest.

import type { FieldDef } from '../../../shared/dataset';
import type { Scorecard } from '../../../shared/scorecard/types';
import { formatInteger } from '../../lib/format';
import type { DistributionSummary } from '../scoring/protocol';
import { ConditionRow } from './ConditionRow';
import { useDesignerStore } from './designerStore';
import { addCondition, addSegment, moveSegment, removeCondition, removeSegment, setCondition, updateSegment } from './ruleEdits';

interface SegmentRuleEditorProps {
  scorecard: Scorecard;
  summary: DistributionSummary | null;
  fields: FieldDef[];
}

export function SegmentRuleEditor({ scorecard, summary, fields }: SegmentRuleEditorProps) {
  const { edit, closeEditor } = useDesignerStore.getState();
  const countOf = (id: string) => {
    const s = summary?.segments.find((d) => d.id === id);
    return s ? formatInteger(s.counts.reduce((t, c) => t + c, 0)) : '…';
  };
  const firstField = fields[0]?.name ?? 'segment';
  return (
    <section className="editor-panel" aria-labelledby="rules-title" data-testid="segment-rules">
      <div className="editor-panel__head">
        <div>
          <h2 id="rules-title" className="panel-title">
            Segment rules
          </h2>
          <p className="editor-hint">Tried from the top; an account belongs to the first segment whose conditions all hold.</p>
        </div>
        <button type="button" className="button button--small" onClick={closeEditor}>
          Back to weights
        </button>
      </div>
      <ol className="rule-list">
        {scorecard.segments.map((segment, i) => (
          <li key={segment.id} className="rule" data-testid="segment-rule" data-segment-id={segment.id}>
            <div className="rule__head">
              <span className="rule__order">{i + 1}</span>
              <input
                className="input rule__label"
                aria-label={`Name of segment ${i + 1}`}
                value={segment.label}
                onChange={(e) => edit(updateSegment(scorecard, i, { label: e.target.value }), { mergeKey: `label:${segment.id}` })}
              />
              <span className="rule__count" data-testid="segment-rule-count">
                {countOf(segment.id)} accounts
              </span>
              <button type="button" className="button button--small button--ghost" aria-label={`Move ${segment.label} up`} disabled={i === 0} onClick={() => edit(moveSegment(scorecard, i, -1))}>
                ↑
              </button>
              <button type="button" className="button button--small button--ghost" aria-label={`Move ${segment.label} down`} disabled={i === scorecard.segments.length - 1} onClick={() => edit(moveSegment(scorecard, i, 1))}>
                ↓
              </button>
              <button type="button" className="button button--small button--ghost" aria-label={`Remove ${segment.label}`} onClick={() => edit(removeSegment(scorecard, i))}>
                Remove
              </button>
            </div>
            {segment.when.map((condition, j) => (
              <ConditionRow
                key={j}
                condition={condition}
                fields={fields}
                subject={`${segment.label}, condition ${j + 1}`}
                canRemove={segment.when.length > 1}
                onChange={(next, mergeKey) => edit(setCondition(scorecard, i, j, next), { mergeKey })}
                onRemove={() => edit(removeCondition(scorecard, i, j))}
              />
            ))}
            <button type="button" className="button button--small button--ghost" onClick={() => edit(addCondition(scorecard, i, firstField))}>
              And…
            </button>
          </li>
        ))}
      </ol>
      <div className="rule rule--default">
        <div className="rule__head">
          <span className="rule__order">·</span>
          <input
            className="input rule__label"
            aria-label="Name of the default segment"
            value={scorecard.defaultSegment.label}
            onChange={(e) => edit({ ...scorecard, defaultSegment: { ...scorecard.defaultSegment, label: e.target.value } }, { mergeKey: 'label:default' })}
          />
          <span className="rule__count">{countOf(scorecard.defaultSegment.id)} accounts</span>
        </div>
        <p className="editor-hint">Every account no rule above matched.</p>
      </div>
      <button type="button" className="button button--small" onClick={() => edit(addSegment(scorecard, firstField))}>
        Add segment
      </button>
    </section>
  );
}
