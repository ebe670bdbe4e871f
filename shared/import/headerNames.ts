// Header names in one comparable form, so that "Account ID", "account_id", "AccountId" and
// "customerID" can be recognised by the same patterns and saved mappings survive cosmetic changes.

/** snake_case, lower-case letters and digits, accents dropped: `customerID` → `customer_id`, `Größe` → `große`. */
export function normaliseHeaderName(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Identifies a header row regardless of column order, letter case and punctuation: the sorted
 * normalised names joined by `|`. Two files with this signature can share one saved mapping.
 */
export function headerSignature(headers: readonly string[]): string {
  return headers
    .map((h) => normaliseHeaderName(h) || '_')
    .sort()
    .join('|');
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
