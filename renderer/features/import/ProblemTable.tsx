// The row problems of an import report, 50 to a page (the report keeps the first 1,000; the total
// can be far larger and is said so).

import { useState } from 'react';
import type { RowProblem } from '../../../shared/import/problems';
import { formatInteger } from '../../lib/format';

const PAGE_SIZE = 50;

export function ProblemTable({ problems, total }: { problems: RowProblem[]; total: number }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(problems.length / PAGE_SIZE));
  const first = page * PAGE_SIZE;
  const shown = problems.slice(first, first + PAGE_SIZE);
  const kept = problems.length < total ? ` (the first ${formatInteger(problems.length)} of ${formatInteger(total)} are listed)` : '';

  return (
    <div className="problem-table">
      <div className="problem-table__scroll" role="region" aria-label="Row problems" tabIndex={0}>
        <table className="report-table" data-testid="problem-table">
          <caption className="import-visually-hidden">
            Row problems {formatInteger(first + 1)}–{formatInteger(first + shown.length)}
            {kept}
          </caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="is-end">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={first + i} data-testid="problem-row">
                <td>{p.file}</td>
                <td className="is-end">{formatInteger(p.row)}</td>
                <td>{p.column ?? '—'}</td>
                <td className="report-table__value">{p.value ?? '—'}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <span className="pager__text">
          {formatInteger(first + 1)}–{formatInteger(first + shown.length)} of {formatInteger(problems.length)}
          {kept}
        </span>
        <button type="button" className="button button--small" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous
        </button>
        <button type="button" className="button button--small" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
          Next
        </button>
      </div>
    </div>
  );
}
