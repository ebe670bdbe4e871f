// Tokens that mean "no value" in exported spreadsheets: blanks, the usual N/A spellings, and Excel's
// error values (a formula that failed is a missing value, not a parse error). Compared
// case-insensitively after trimming, so "n/a", "N/A" and " NA " are all missing.

const MISSING_TOKENS: ReadonlySet<string> = new Set([
  'n/a',
  'na',
  'null',
  'none',
  'nil',
  '-',
  '--',
  'nan',
  '#n/a',
  '#div/0!',
  '#value!',
  '#ref!',
  '#name?',
  '#num!',
  '#null!',
  '#spill!',
  '#calc!',
  '#getting_data',
]);

/** The tokens as the documentation lists them (for help text in the UI). */
export const MISSING_TOKEN_LIST: readonly string[] = ['(blank)', ...MISSING_TOKENS];

const LONGEST = 13;

/** True for blank, whitespace-only and the missing tokens above. Fast for ordinary values. */
export function isMissingValue(raw: string | null | undefined): boolean {
  if (raw === undefined || raw === null) return true;
  const n = raw.length;
  if (n === 0) return true;
  const first = raw.charCodeAt(0);
  // Digits and most letters start real values; only look closer at what a token can start with.
  if (first >= 48 && first <= 57) return false;
  if (n > LONGEST + 2 && first > 32) return false;
  const trimmed = first <= 32 || raw.charCodeAt(n - 1) <= 32 || first === 0xa0 ? raw.trim() : raw;
  if (trimmed.length === 0) return true;
  if (trimmed.length > LONGEST) return false;
  // Every token starts with n, -, or #: other values are decided without lower-casing a copy.
  const c = trimmed.charCodeAt(0);
  if (c !== 110 && c !== 78 && c !== 45 && c !== 35) return false;
  return MISSING_TOKENS.has(trimmed.toLowerCase());
}
