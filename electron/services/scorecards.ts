// The workspace's scorecard: its draft, saved versions, diffs, and scorecard files. Every scorecard
// that arrives (api call or file) passes the full validation, cross-field checks included, before it
// is stored; when the workspace has data but no scorecard, a default one is proposed from the data.

import { ApiError, type ScorecardState, type ScorecardVersionInfo } from '../../shared/api';
import { diffScorecards, type ScorecardChange } from '../../shared/scorecard/diff';
import { profileDataset } from '../../shared/scorecard/profile';
import { proposeDefaultScorecard } from '../../shared/scorecard/propose';
import type { Scorecard } from '../../shared/scorecard/types';
import { formatIssue, serializeScorecard, validateScorecard, validateScorecardJson } from '../../shared/scorecard/validate';
import { ScorecardRepository, type ScorecardRow } from '../store/scorecardRepository';
import type { WorkspaceStore } from '../store/workspaceStore';
import { loadScoringData } from './scoringData';

function checked(result: ReturnType<typeof validateScorecard>, what: string): Scorecard {
  if (result.ok) return result.scorecard;
  throw new ApiError('invalid_argument', `${what} is not a valid scorecard: ${result.issues.map(formatIssue).join('; ')}`);
}

export class ScorecardService {
  private readonly repo: ScorecardRepository;
  private proposalNotes: string[] = [];

  constructor(private readonly store: WorkspaceStore) {
    this.repo = new ScorecardRepository(store.db);
  }

  /** The scorecard row, proposing and storing a default one on first use. */
  private row(): ScorecardRow {
    const existing = this.repo.primary();
    if (existing) return existing;
    const scorecard = this.propose();
    return this.repo.create(scorecard.name, serializeScorecard(scorecard));
  }

  /** A default scorecard from the newest snapshot's data; a workspace without data has none yet. */
  private propose(): Scorecard {
    const data = loadScoringData(this.store);
    if (!data) throw new ApiError('no_data', 'This workspace has no data yet. Import a spreadsheet and a scorecard will be proposed from it.');
    const proposal = proposeDefaultScorecard(profileDataset(data), { name: 'Health score' });
    this.proposalNotes = proposal.notes;
    return proposal.scorecard;
  }

  /** The stored draft, or (without storing anything) the proposal a first use would store. */
  currentDraft(): Scorecard {
    const existing = this.repo.primary();
    if (existing) return checked(validateScorecardJson(existing.draftJson), 'The stored draft');
    return this.propose();
  }

  state(): ScorecardState {
    const row = this.row();
    return {
      name: row.name,
      draft: checked(validateScorecardJson(row.draftJson), 'The stored draft'),
      draftUpdatedAt: row.draftUpdatedAt,
      versions: this.repo.listVersions(row.id),
      notes: this.proposalNotes,
    };
  }

  saveDraft(scorecard: Scorecard): { draftUpdatedAt: string } {
    const valid = checked(validateScorecard(scorecard), 'The draft');
    const row = this.row();
    return { draftUpdatedAt: this.repo.saveDraft(row.id, valid.name, serializeScorecard(valid)) };
  }

  saveVersion(message: string): ScorecardVersionInfo {
    return this.repo.saveVersion(this.row().id, message);
  }

  version(version: number): Scorecard {
    const body = this.repo.versionBody(this.row().id, version);
    if (body === null) throw new ApiError('not_found', `There is no saved version ${version} of this scorecard.`);
    return checked(validateScorecardJson(body), `Version ${version}`);
  }

  private resolve(ref: number | 'draft'): Scorecard {
    return ref === 'draft' ? this.state().draft : this.version(ref);
  }

  diff(from: number | 'draft', to: number | 'draft'): ScorecardChange[] {
    return diffScorecards(this.resolve(from), this.resolve(to));
  }

  /** A scorecard file becomes the draft (the previous draft stays recoverable by undo in the UI). */
  importFile(text: string, fileName: string): ScorecardState {
    const scorecard = checked(validateScorecardJson(text), `"${fileName}"`);
    this.saveDraft(scorecard);
    return this.state();
  }

  exportFile(version?: number): { fileName: string; text: string } {
    const scorecard = version === undefined ? this.state().draft : this.version(version);
    const slug = scorecard.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'scorecard';
    return { fileName: `${slug}${version === undefined ? '' : `-v${version}`}.scorecard.json`, text: serializeScorecard(scorecard) };
  }
}
