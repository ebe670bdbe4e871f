// Numbers as spreadsheets export them: thousands separators, currency symbols and codes, percent
// signs, negatives in parentheses, a decimal point or a decimal comma. Whether "1,234" means 1234 or
// 1.234 cannot be told from the token alone, so a scan reports the value under both conventions and
// the column profile decides the convention from the column's unambiguous tokens (inferColumn.ts).

/**
 * neutral: same value under both conventions ("1234", "1 234", "$12");
 * point / comma: only valid with that decimal mark ("12.5" / "3,5", "1.234,50");
 * ambiguous: valid under both with different values ("1,234", "1.234").
 */
export type NumberKind = 'neutral' | 'point' | 'comma' | 'ambiguous';

/** Filled by scanNumber; one object is reused across cells so that scanning allocates nothing. */
export interface NumberScan {
  kind: NumberKind;
  /** The value when "." is the decimal mark (NaN when the token is not a number that way). */
  point: number;
  /** The value when "," is the decimal mark. */
  comma: number;
  percent: boolean;
  /** The currency symbol or ISO code seen, e.g. "$", "€", "EUR". */
  currency: string | null;
}

export function createNumberScan(): NumberScan {
  return { kind: 'neutral', point: Number.NaN, comma: Number.NaN, percent: false, currency: null };
}

const CURRENCY_SYMBOLS = '$€£¥₹₩₽¢';
const CURRENCY_CODES: ReadonlySet<string> = new Set(
  'USD EUR GBP CHF JPY CNY CAD AUD NZD SEK NOK DKK PLN CZK HUF INR BRL MXN ZAR SGD HKD KRW RUB TRY ILS AED'.split(' '),
);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 9;
}

/** Exact powers of ten (a plain decimal's scale). */
export const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Plain `[+-]digits[.digits]`: by far the most common token, scanned without regular expressions.
 * Up to 15 significant digits the value is computed directly: an integer below 2^53 divided by an
 * exact power of ten is correctly rounded, so it equals Number(raw) without parsing the string again.
 */
function scanPlain(raw: string, out: NumberScan): boolean {
  const n = raw.length;
  let i = 0;
  const c0 = raw.charCodeAt(0);
  const negative = c0 === 45;
  if (negative || c0 === 43) i = 1;
  const intStart = i;
  let digits = 0;
  let c = 0;
  while (i < n && (c = raw.charCodeAt(i)) >= 48 && c <= 57) {
    digits = digits * 10 + (c - 48);
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits === 0) return false;
  if (i === n) {
    const v = intDigits <= 15 ? (negative ? -digits : digits) : Number(raw);
    out.kind = 'neutral';
    out.point = v;
    out.comma = v;
    return true;
  }
  if (c !== 46) return false;
  const fracStart = ++i;
  while (i < n && (c = raw.charCodeAt(i)) >= 48 && c <= 57) {
    digits = digits * 10 + (c - 48);
    i++;
  }
  const fracDigits = i - fracStart;
  if (i !== n || fracDigits === 0) return false;
  const exact = intDigits + fracDigits <= 15;
  const magnitude = exact ? digits / POW10[fracDigits] : Number(raw.slice(intStart));
  out.point = negative ? -magnitude : magnitude;
  // "1.234" may be 1234 with a dot as thousands separator; "0.234" and "12.5" may not.
  if (intDigits <= 3 && fracDigits === 3 && raw.charCodeAt(intStart) !== 48) {
    out.kind = 'ambiguous';
    out.comma = negative ? -digits : digits;
  } else {
    out.kind = 'point';
    out.comma = Number.NaN;
  }
  return true;
}

/**
 * The fast path of a number column read with a decimal point: `[-]digits[.digits]` with at most 15
 * significant digits, computed from the char codes (exact, as in scanPlain). NaN for anything else
 * (then the full parser decides): never a value for a token the full parser would read differently.
 */
export function parsePlainDecimal(raw: string): number {
  const n = raw.length;
  let i = raw.charCodeAt(0) === 45 ? 1 : 0;
  const intStart = i;
  let digits = 0;
  let c = 0;
  while (i < n && (c = raw.charCodeAt(i)) >= 48 && c <= 57) {
    digits = digits * 10 + (c - 48);
    i++;
  }
  const intDigits = i - intStart;
  let fracDigits = 0;
  if (i < n) {
    if (c !== 46 || intDigits === 0) return Number.NaN;
    const fracStart = ++i;
    while (i < n && (c = raw.charCodeAt(i)) >= 48 && c <= 57) {
      digits = digits * 10 + (c - 48);
      i++;
    }
    fracDigits = i - fracStart;
    if (i !== n || fracDigits === 0) return Number.NaN;
  }
  if (intDigits === 0 || intDigits + fracDigits > 15) return Number.NaN;
  const magnitude = fracDigits === 0 ? digits : digits / POW10[fracDigits];
  return intStart === 1 ? -magnitude : magnitude;
}

/** Integer part with optional grouping: first group 1–3 digits, then groups of exactly 3. */
function groupedDigits(part: string, separators: string): string | null {
  let digits = '';
  let group = 0;
  let groups = 0;
  for (let i = 0; i < part.length; i++) {
    const ch = part[i];
    const c = part.charCodeAt(i);
    if (isDigit(c)) {
      digits += ch;
      group++;
    } else if (separators.includes(ch) || isSpace(c) || ch === "'" || ch === '’') {
      if (group === 0 || group > 3 || (groups > 0 && group !== 3)) return null;
      if (groups === 0 && group > 3) return null;
      groups++;
      group = 0;
    } else {
      return null;
    }
  }
  if (group === 0 || (groups > 0 && group !== 3)) return null;
  return digits;
}

function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Value of `int[decimal frac]` where int may carry grouping marks; NaN when malformed. */
function valueWith(body: string, decimal: '.' | ',', grouping: string): number {
  const at = body.lastIndexOf(decimal);
  const intPart = at === -1 ? body : body.slice(0, at);
  const frac = at === -1 ? '' : body.slice(at + 1);
  if (at !== -1 && !allDigits(frac)) return Number.NaN;
  if (intPart.length === 0) return at === -1 ? Number.NaN : Number(`0.${frac}`);
  const digits = groupedDigits(intPart, grouping);
  if (digits === null) return Number.NaN;
  return Number(frac ? `${digits}.${frac}` : digits);
}

const EXPONENT = /^(\d+(?:\.\d+)?|\.\d+)[eE][+-]?\d+$/;

/** Classifies a body of digits and separators (no sign, currency or percent). */
function scanBody(body: string, out: NumberScan): boolean {
  if (EXPONENT.test(body)) {
    const v = Number(body);
    out.kind = body.includes('.') ? 'point' : 'neutral';
    out.point = v;
    out.comma = out.kind === 'neutral' ? v : Number.NaN;
    return Number.isFinite(v);
  }
  const point = valueWith(body, '.', ',');
  const comma = valueWith(body, ',', '.');
  const pointOk = !Number.isNaN(point);
  const commaOk = !Number.isNaN(comma);
  if (!pointOk && !commaOk) return false;
  out.point = point;
  out.comma = comma;
  out.kind = pointOk && commaOk ? (point === comma ? 'neutral' : 'ambiguous') : pointOk ? 'point' : 'comma';
  // A grouped integer part that starts with 0 ("0,123") is not thousands grouping: 0.123 only.
  if (out.kind === 'ambiguous' && body.charCodeAt(0) === 48) {
    const decimalIsComma = body.includes(',');
    out.kind = decimalIsComma ? 'comma' : 'point';
    if (decimalIsComma) out.point = Number.NaN;
    else out.comma = Number.NaN;
  }
  return true;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** "$", "€"…, "US$"/"C$", or a known ISO code at the start (char codes: this runs for every id-like token). */
function currencyPrefix(s: string): string | null {
  if (CURRENCY_SYMBOLS.includes(s[0])) return s[0];
  if (!isUpper(s.charCodeAt(0))) return null;
  if (s.charCodeAt(1) === 36) return s.slice(0, 2);
  if (!isUpper(s.charCodeAt(1))) return null;
  if (s.charCodeAt(2) === 36) return s.slice(0, 3);
  if (!isUpper(s.charCodeAt(2))) return null;
  const code = s.slice(0, 3);
  return CURRENCY_CODES.has(code) ? code : null;
}

function currencySuffix(s: string): string | null {
  const last = s[s.length - 1];
  if (CURRENCY_SYMBOLS.includes(last)) return last;
  const code = s.slice(-3);
  return s.length > 3 && CURRENCY_CODES.has(code) ? code : null;
}

/** Everything that is not a plain number: signs, parentheses, currency, percent, grouping. */
function scanDecorated(raw: string, out: NumberScan): boolean {
  let s = raw.trim();
  let negative = false;
  let signs = 0;
  let parens = false;
  // Peel decorations off the front, then the back, in any order ("-$1,234", "$-1,234", "($12)").
  for (let guard = 0; s.length > 0 && guard < 6; guard++) {
    const c = s[0];
    if (c === '-' || c === '−' || c === '+') {
      negative = negative || c !== '+';
      signs++;
      s = s.slice(1).trimStart();
      continue;
    }
    if (c === '(' && !parens && s.endsWith(')')) {
      parens = true;
      s = s.slice(1, -1).trim();
      continue;
    }
    const cur = out.currency === null ? currencyPrefix(s) : null;
    if (cur) {
      out.currency = cur;
      s = s.slice(cur.length).trimStart();
      continue;
    }
    break;
  }
  for (let guard = 0; s.length > 0 && guard < 6; guard++) {
    const c = s[s.length - 1];
    if (c === '%' && !out.percent) {
      out.percent = true;
      s = s.slice(0, -1).trimEnd();
      continue;
    }
    if (c === '-' && signs === 0) {
      negative = true;
      signs++;
      s = s.slice(0, -1).trimEnd();
      continue;
    }
    const cur = out.currency === null ? currencySuffix(s) : null;
    if (cur) {
      out.currency = cur;
      s = s.slice(0, -cur.length).trimEnd();
      continue;
    }
    break;
  }
  if (signs > 1 || s.length === 0) return false;
  const first = s.charCodeAt(0);
  if (!isDigit(first) && first !== 46 && first !== 44) return false;
  if (!scanBody(s, out)) return false;
  if (negative || parens) {
    out.point = -out.point;
    out.comma = -out.comma;
  }
  return true;
}

/**
 * Scans one non-missing token. Returns false when it is not a number under either convention;
 * otherwise fills `out` (kind, both values, percent and currency). Percentages keep their number:
 * "45%" is 45.
 */
export function scanNumber(raw: string, out: NumberScan): boolean {
  out.percent = false;
  out.currency = null;
  if (raw.length === 0) return false;
  if (scanPlain(raw, out)) return true;
  return scanDecorated(raw, out);
}

const scratch = createNumberScan();

/** The token as a number under the column's decimal convention; NaN when it is not one. */
export function parseNumber(raw: string, decimalComma = false): number {
  if (!scanNumber(raw, scratch)) return Number.NaN;
  if (scratch.kind === 'point') return decimalComma ? Number.NaN : scratch.point;
  if (scratch.kind === 'comma') return decimalComma ? scratch.comma : Number.NaN;
  return decimalComma ? scratch.comma : scratch.point;
}
