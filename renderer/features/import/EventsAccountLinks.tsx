// How an events sheet's rows reach their account: by this sheet's account id column, or through a
// link column (a usage row's subscription_id) matched against a link another events sheet lists (the
// subscriptions sheet, whose rows carry the account id). And which of this sheet's columns it lists
// as links for the others.

import { ChoiceField } from './ChoiceField';
import { useImportStore } from './importStore';
import { linksOfOtherSheets, setAccountVia, setLink } from './eventsDraft';
import type { SheetDraft } from './mappingDraft';

export function EventsAccountLinks({ index, draft }: { index: number; draft: SheetDraft }) {
  const update = (change: (d: SheetDraft) => SheetDraft) => useImportStore.getState().updateDraft(index, change);
  const drafts = useImportStore((s) => s.drafts);
  const via = draft.events?.accountVia;
  const listed = draft.events?.links ?? [];
  const published = linksOfOtherSheets(drafts, index);
  const linkChoices = via && via.link !== '' && !published.includes(via.link) ? [via.link, ...published] : published;
  const headers = draft.columns.map((c) => c.header);

  const chooseColumn = (column: string) => update((d) => setAccountVia(d, column === '' ? null : { column, link: via?.link || (published[0] ?? '') }));

  return (
    <div className="events-editor__links">
      <div className="sheet-editor__controls">
        <ChoiceField
          label="Rows reach their account through"
          value={via?.column ?? ''}
          none="Their account id column"
          choices={headers}
          describe={(h) => `Link column “${h}”`}
          onChange={chooseColumn}
        />
        {via ? (
          <ChoiceField
            label="Matched against the link"
            value={via.link}
            none={via.link === '' ? (linkChoices.length === 0 ? 'No other events sheet lists a link' : 'Choose a link') : undefined}
            choices={linkChoices}
            onChange={(link) => update((d) => setAccountVia(d, { column: via.column, link }))}
          />
        ) : null}
      </div>
      <fieldset className="events-editor__link-list">
        <legend>Links for other sheets: columns whose values other events sheets may use to reach this sheet’s accounts</legend>
        {headers.map((h) => (
          <label key={h} className="checkbox-field">
            <input type="checkbox" checked={listed.includes(h)} onChange={(e) => update((d) => setLink(d, h, e.target.checked))} />
            {h}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
