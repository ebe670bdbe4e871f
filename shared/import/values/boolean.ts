// Yes/No-style flags. 1/0 are accepted here too, but a column of only 0 and 1 is inferred as a
// number unless its header reads like a flag (see looksLikeFlagHeader): "SeniorCitizen 0/1" is as
// often counted as flagged.

const TRUE_WORDS: ReadonlySet<string> = new Set(['yes', 'true', 'y', 't']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['no', 'false', 'n', 'f']);

/** 1 for yes/true/y/t, 0 for no/false/n/f (any case), NaN otherwise. Does not accept 1/0. */
export function parseBooleanWord(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 7) return Number.NaN;
  const lower = (raw.charCodeAt(0) <= 32 || raw.charCodeAt(n - 1) <= 32 ? raw.trim() : raw).toLowerCase();
  if (TRUE_WORDS.has(lower)) return 1;
  if (FALSE_WORDS.has(lower)) return 0;
  return Number.NaN;
}

/** Flag words, or the numbers 1 and 0 ("1.0"/"0.0" as pandas writes them too). */
export function parseBoolean(raw: string): number {
  const word = parseBooleanWord(raw);
  if (!Number.isNaN(word)) return word;
  const t = raw.trim();
  if (t === '1' || t === '1.0') return 1;
  if (t === '0' || t === '0.0') return 0;
  return Number.NaN;
}

const FLAG_HEADER = /(^|_)(is|has|was|did|does|can|should|had)_|(^|_)flag(_|$)|churn|delinquent|(^|_)(active|enabled|disabled|cancell?ed|renewed|trial)(_|$)|_yn$|_bool$/;

/** True when a header reads like a yes/no flag (`is_trial`, `hasCSM`, `churn_flag`, `Delinquent`). */
export function looksLikeFlagHeader(normalisedHeader: string): boolean {
  return FLAG_HEADER.test(normalisedHeader);
}
