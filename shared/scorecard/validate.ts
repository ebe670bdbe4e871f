// Reading and writing scorecard files: schema validation, cross-field checks, and messages that
// name the field path and the reason (`segments[1].weights.nps: must be ≥ 0`).

import { keyPath, crossCheckScorecard, type ScorecardIssue } from './crossChecks';
import { scorecardSchema } from './schema';
import type { Scorecard } from './types';

export type { ScorecardIssue } from './crossChecks';

export type ScorecardParseResult = { ok: true; scorecard: Scorecard } | { ok: false; issues: ScorecardIssue[] };

export class ScorecardValidationError extends Error {
  constructor(
    readonly issues: ScorecardIssue[],
    source = 'scorecard',
  ) {
    super(`Invalid ${source}: ${issues.map(formatIssue).join('; ')}`);
    this.name = 'ScorecardValidationError';
  }
}

export function formatIssue(issue: ScorecardIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/** `["segments", 1, "weights", "nps"]` → `segments[1].weights.nps`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out = out === '' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(part)) ? String(part) : keyPath(out, String(part));
  }
  return out === '' ? '(file)' : out.replace(/^\./, '');
}

/** zod prefixes type errors with "Invalid input: "; the path already says where, so drop it. */
function cleanMessage(message: string): string {
  return message.replace(/^Invalid input: /, '');
}

/** Validates a parsed JSON value; defaults are filled in on success. */
export function validateScorecard(raw: unknown): ScorecardParseResult {
  const parsed = scorecardSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: cleanMessage(i.message) }));
    return { ok: false, issues };
  }
  const issues = crossCheckScorecard(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, scorecard: parsed.data };
}

/** Validates or throws a ScorecardValidationError listing every problem. */
export function parseScorecard(raw: unknown, source?: string): Scorecard {
  const result = validateScorecard(raw);
  if (!result.ok) throw new ScorecardValidationError(result.issues, source);
  return result.scorecard;
}

/** Reads the text of a scorecard file. */
export function validateScorecardJson(text: string): ScorecardParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return validateScorecard(raw);
}

export function parseScorecardJson(text: string, source?: string): Scorecard {
  const result = validateScorecardJson(text);
  if (!result.ok) throw new ScorecardValidationError(result.issues, source);
  return result.scorecard;
}

/** Writes a scorecard as a readable, diff-friendly file (fixed key order, 2-space indent). */
export function serializeScorecard(sc: Scorecard): string {
  // Re-parsing puts keys in schema order whatever order the object was built in.
  const ordered = scorecardSchema.safeParse(sc);
  return `${JSON.stringify(ordered.success ? ordered.data : sc, null, 2)}\n`;
}
