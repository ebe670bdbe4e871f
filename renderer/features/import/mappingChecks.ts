// Whether a sheet's mapping can be imported as it stands: every question answered, exactly one
// account id, and the same checks the Node side runs (validateMapping), worded for people.

import type { SheetAnalysis } from '../../../shared/api';
import { normaliseHeaderName } from '../../../shared/import/headerNames';
import { ImportError } from '../../../shared/import/importError';
import { COLUMN_ROLES, validateMapping } from '../../../shared/import/mapping';
import { ROLE_LABELS } from './importFormat';
import { toSheetMapping, type SheetDraft } from './mappingDraft';
import { isAnswered, type SheetQuestion } from './sheetQuestions';

export interface SheetCheck {
  openQuestions: number;
  /** Why the mapping cannot be imported yet (besides open questions). */
  problems: string[];
  ready: boolean;
}

const ROLE_WORDS = new RegExp(`\\b(${COLUMN_ROLES.join('|')})\\b`, 'g');

/**
 * validateMapping speaks of roles by their code names; the screen calls them as the selects do.
 * Quoted parts (headers, file names) are the user's own words and stay as they are.
 */
export function humanizeRoles(message: string): string {
  return message
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(ROLE_WORDS, (role) => ROLE_LABELS[role as keyof typeof ROLE_LABELS].toLowerCase())))
    .join('');
}

export function accountIdProblem(draft: SheetDraft): string | null {
  const ids = draft.columns.filter((c) => c.role === 'accountId').map((c) => `“${c.header}”`);
  if (ids.length === 1) return null;
  // An events sheet may reach its accounts through a link column instead (checked by linkProblem).
  if (ids.length === 0 && draft.kind === 'events' && draft.events?.accountVia) return null;
  if (ids.length === 0 && draft.kind === 'events') {
    return 'Choose the column that identifies each account (role “Account id”), or a link column its rows reach their account through.';
  }
  if (ids.length === 0) return 'Choose the column that identifies each account: set its role to “Account id”.';
  return `Only one column can be the account id, but ${ids.join(' and ')} ${ids.length === 2 ? 'both' : 'all'} are. Give all but one another role.`;
}

/** An events sheet reaching its accounts through a link: the link must be one another events sheet lists. */
export function linkProblem(draft: SheetDraft, linksElsewhere: readonly string[]): string | null {
  const via = draft.kind === 'events' ? draft.events?.accountVia : undefined;
  if (!via) return null;
  if (via.link === '') return `Rows reach their account through “${via.column}”, but no other events sheet lists a link to match it against: tick its column under “Links for other sheets” in that sheet.`;
  const key = normaliseHeaderName(via.link);
  if (linksElsewhere.some((l) => normaliseHeaderName(l) === key)) return null;
  return `Rows reach their account through “${via.column}” matched against the link “${via.link}”, which no other events sheet of this import lists.`;
}

/** `linksElsewhere`: the links the other events sheets of the import list (for a sheet that reaches its accounts through one). */
export function checkSheet(analysis: SheetAnalysis, draft: SheetDraft, questions: readonly SheetQuestion[], linksElsewhere: readonly string[] = []): SheetCheck {
  const openQuestions = questions.filter((q) => !isAnswered(q)).length;
  const problems: string[] = [];
  const idProblem = accountIdProblem(draft);
  // An open account-id question already says what is missing; saying it twice is noise.
  const idAsked = questions.some((q) => q.kind === 'accountId' && !isAnswered(q));
  const viaProblem = linkProblem(draft, linksElsewhere);
  if (idProblem) {
    if (!idAsked) problems.push(idProblem);
  } else if (viaProblem) {
    problems.push(viaProblem);
  } else {
    try {
      validateMapping(toSheetMapping(draft), analysis.headers, analysis.source.fileName);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      problems.push(humanizeRoles(error.message));
    }
  }
  return { openQuestions, problems, ready: openQuestions === 0 && problems.length === 0 };
}
