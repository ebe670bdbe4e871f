// The sheets of a workbook in the import: which sheet this one reads, adding another sheet of the
// same workbook as a sheet of its own (accounts on one sheet, snapshots on another), and removing
// this sheet again while the workbook still has another one in the import.

import { useState } from 'react';
import type { SheetAnalysis } from '../../../shared/api';
import { ChoiceField } from './ChoiceField';
import { addSheet, pickSheet, removeSheet } from './importFlow';
import { useImportStore } from './importStore';
import { sheetOf, sheetsOfSameFile, unusedSheets } from './sheetSources';

export function WorkbookSheets({ index, analysis }: { index: number; analysis: SheetAnalysis }) {
  const analyses = useImportStore((s) => s.analyses);
  const unused = unusedSheets(analyses, index);
  const [choice, setChoice] = useState('');
  const toAdd = unused.includes(choice) ? choice : (unused[0] ?? '');
  if (analysis.sheetNames.length < 2) return null;
  const current = sheetOf(analysis) ?? '';
  const removable = sheetsOfSameFile(analyses, index) > 1;

  return (
    <div className="workbook-sheets" role="group" aria-label={`Sheets of ${analysis.source.fileName}`}>
      <ChoiceField label="Sheet" value={current} choices={[current, ...unused]} onChange={(name) => void pickSheet(index, name)} />
      {unused.length > 0 ? (
        <span className="workbook-sheets__add">
          <ChoiceField label="Another sheet of this workbook" value={toAdd} choices={unused} onChange={setChoice} />
          <button type="button" className="button" onClick={() => void addSheet(index, toAdd)}>
            Add sheet “{toAdd}”
          </button>
        </span>
      ) : null}
      {removable ? (
        <button type="button" className="link-button" onClick={() => void removeSheet(index)}>
          Remove sheet “{current}” from the import
        </button>
      ) : null}
    </div>
  );
}
