// Warnings of an import report: things that did not stop it but are worth knowing.

import type { ImportWarning } from '../../../shared/import/importError';
import { formatCount } from '../../lib/format';

export function ReportWarnings({ warnings }: { warnings: ImportWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="report-section" aria-label="Warnings">
      <h4 className="report-section__title">{formatCount(warnings.length, 'warning')}</h4>
      <ul className="report-warnings" data-testid="import-warnings">
        {warnings.map((w, i) => (
          <li key={i}>{w.message}</li>
        ))}
      </ul>
    </section>
  );
}
