// Recognises files that are not delimited text before anyone tries to parse them: well-known binary
// signatures get a message that says what the file probably is (an .xlsx is a ZIP archive), anything
// else is judged by its share of control characters once decoded.

import { ImportError, quoted } from './importError';

interface Signature {
  bytes: readonly number[];
  what: string;
}

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an .xlsx workbook is one: open it as an Excel workbook instead)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'a legacy Excel .xls workbook (save it as .xlsx or .csv first)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF file' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive (decompress it first)' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Throws `binary_file` when the bytes open with the signature of a known binary format. */
export function assertNoBinarySignature(bytes: Uint8Array, fileName: string): void {
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) {
      throw new ImportError('binary_file', `${quoted(fileName)} is not a text file: it looks like ${signature.what}.`, fileName);
    }
  }
}

/** UTF-32 has a BOM of its own; TextDecoder cannot read it, so it is refused by name. */
export function isUtf32Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]);
}

/** Share of control characters above which decoded text is taken for binary data. */
const MAX_CONTROL_SHARE = 0.02;
const SAMPLE_CHARS = 65_536;

/**
 * Throws `binary_file` for decoded text holding NUL characters (never in real spreadsheet text; in
 * UTF-16 the NULs are consumed by decoding) or too many other control characters.
 */
export function assertTextIsNotBinary(text: string, fileName: string): void {
  if (text.indexOf('\u0000') !== -1) {
    throw new ImportError('binary_file', `${quoted(fileName)} is not a text file: it contains NUL bytes.`, fileName);
  }
  const n = Math.min(text.length, SAMPLE_CHARS);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Tab, line feed, carriage return and form feed occur in text; a trailing DOS end-of-file (0x1A) too.
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && !(c === 26 && i === text.length - 1)) || c === 127) controls++;
  }
  if (n > 0 && controls / n > MAX_CONTROL_SHARE) {
    throw new ImportError(
      'binary_file',
      `${quoted(fileName)} is not a text file: ${controls} of its first ${n} characters are control characters.`,
      fileName,
    );
  }
}
