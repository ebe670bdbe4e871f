// Whether a sheet's mapping can be imported as it stands: every question answered, exactly one
// account id, and the same checks the Node side runs (validateMapping), worded for people.

import type { SheetAnalysis } from '../../../shared/api';
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
  if (ids.length === 0) return 'Choose the column that identifies each account: set its role to “Account id”.';
  return `Only one column can be the account id, but ${ids.join(' and ')} ${ids.length === 2 ? 'both' : 'all'} are. Give all but one another role.`;
}

export function checkSheet(analysis: SheetAnalysis, draft: SheetDraft, questions: readonly SheetQuestion[]): SheetCheck {
  const openQuestions = questions.filter((q) => !isAnswered(q)).length;
  const problems: string[] = [];
  const idProblem = accountIdProblem(draft);
  // An open account-id question already says what is missing; saying it twice is noise.
  const idAsked = questions.some((q) => q.kind === 'accountId' && !isAnswered(q));
  if (idProblem) {
    if (!idAsked) problems.push(idProblem);
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
