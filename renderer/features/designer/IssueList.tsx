// Why the draft cannot be scored or saved as it stands, each problem naming the field to fix.

import { formatIssue, type ScorecardIssue } from '../../../shared/scorecard/validate';

export function IssueList({ issues }: { issues: ScorecardIssue[] }) {
  return (
    <div className="issue-list" role="alert" data-testid="scorecard-issues">
      <p className="issue-list__title">The draft cannot be scored until this is fixed (the charts show the last valid draft):</p>
      <ul>
        {issues.slice(0, 5).map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>{formatIssue(issue)}</li>
        ))}
      </ul>
    </div>
  );
}
