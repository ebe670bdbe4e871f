// The events block of an events sheet: which column dates each row (and ends it, for active counts),
// how many days a snapshot looks back, how rows reach their account, and the aggregations that
// become metrics (one value per account and snapshot date).

import { AGGREGATION_OPS, type AggregationOp } from '../../../shared/import/events/eventMapping';
import { OP_LABELS } from './importFormat';
import { useImportStore } from './importStore';
import { EventsAccountLinks } from './EventsAccountLinks';
import { addAggregation, columnsForOp, removeAggregation, setEventDate, setEventEnd, setLookbackDays, updateAggregation } from './eventsDraft';
import type { SheetDraft } from './mappingDraft';
import { ChoiceField } from './ChoiceField';

export function EventsEditor({ index, draft }: { index: number; draft: SheetDraft }) {
  const update = (change: (d: SheetDraft) => SheetDraft) => useImportStore.getState().updateDraft(index, change);
  const events = draft.events ?? { date: '', aggregations: [] };
  const dateColumns = draft.columns.filter((c) => c.type === 'date').map((c) => c.header);

  return (
    <fieldset className="events-editor" data-testid="events-editor">
      <legend>Events: aggregated per account at each snapshot date</legend>
      <div className="sheet-editor__controls">
        <ChoiceField label="Event date" value={events.date} none="Choose a date column" choices={dateColumns} onChange={(v) => update((d) => setEventDate(d, v))} />
        <ChoiceField
          label="End date (active counts)"
          value={events.end ?? ''}
          none="None: active from the event date on"
          choices={dateColumns.filter((h) => h !== events.date)}
          onChange={(v) => update((d) => setEventEnd(d, v))}
        />
        <label className="inline-field">
          <span className="field__label">Look back (days)</span>
          <input
            className="input"
            type="number"
            min={1}
            max={3660}
            placeholder="30"
            value={events.lookbackDays ?? ''}
            onChange={(e) => update((d) => setLookbackDays(d, e.target.value === '' ? undefined : Number(e.target.value)))}
          />
        </label>
      </div>
      <EventsAccountLinks index={index} draft={draft} />
      <ul className="events-editor__list" aria-label="Aggregations">
        {events.aggregations.map((a, i) => {
          const columns = columnsForOp(draft, a.op);
          return (
            <li key={i} className="events-editor__row">
              <input className="input" aria-label={`Name of aggregation ${i + 1}`} value={a.name} onChange={(e) => update((d) => updateAggregation(d, i, { name: e.target.value }))} />
              <select className="select" aria-label={`Aggregation ${i + 1}`} value={a.op} onChange={(e) => update((d) => updateAggregation(d, i, { op: e.target.value as AggregationOp }))}>
                {AGGREGATION_OPS.map((op) => (
                  <option key={op} value={op}>
                    {OP_LABELS[op]}
                  </option>
                ))}
              </select>
              {columns.length > 0 ? (
                <select className="select" aria-label={`Column of aggregation ${i + 1}`} value={a.column ?? ''} onChange={(e) => update((d) => updateAggregation(d, i, { column: e.target.value }))}>
                  {columns.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              ) : null}
              <button type="button" className="link-button" onClick={() => update((d) => removeAggregation(d, i))}>
                Remove
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button" onClick={() => update(addAggregation)}>
        Add aggregation
      </button>
    </fieldset>
  );
}
