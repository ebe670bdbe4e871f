// The sheets of a workbook in the import: which sheet this one reads, adding another sheet of the
// same workbook as a sheet of its own (accounts on one sheet, snapshots on another), and removing
// this sheet again while the workbook still has another one in the import.

import { useState } from 'react';
import type { SheetAnalysis } from '../../../shared/api';
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
      <label className="inline-field">
        <span className="field__label">Sheet</span>
        <select className="select" value={current} onChange={(e) => void pickSheet(index, e.target.value)}>
          {[current, ...unused].map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {unused.length > 0 ? (
        <span className="workbook-sheets__add">
          <label className="inline-field">
            <span className="field__label">Another sheet of this workbook</span>
            <select className="select" value={toAdd} onChange={(e) => setChoice(e.target.value)}>
              {unused.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
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
