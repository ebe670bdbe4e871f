// Bytes → text for spreadsheet files saved by whatever program the user had: UTF-8 (with or without
// BOM), UTF-16 LE/BE (Excel's "Unicode text"), and Windows-1252 for files that are not valid UTF-8
// (older Excel "CSV" on Windows). The encoding is decided once from the start of the file; the
// streaming decoder lets a worker decode a large file chunk by chunk without holding it as one string.

import { assertNoBinarySignature, assertTextIsNotBinary, isUtf32Bom } from './binaryCheck';
import { ImportError, type ImportWarning, quoted } from './importError';

/** `cp1252` is the WHATWG label of Windows-1252 (TextDecoder decodes ISO-8859-1 the same way). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The file started with a byte-order mark (removed from the text). */
  bom: boolean;
  warnings: ImportWarning[];
}

/** Bytes looked at before the encoding is decided (more if the first chunk is larger). */
const DECISION_BYTES = 4096;

interface EncodingDecision {
  encoding: TextEncodingName;
  bom: boolean;
}

/** UTF-16 without a BOM: ASCII-range text has a zero in every other byte. */
function sniffBomlessUtf16(bytes: Uint8Array): TextEncodingName | null {
  const pairs = Math.floor(Math.min(bytes.length, DECISION_BYTES) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > 0.4 * pairs && evenZeros < 0.05 * pairs) return 'utf-16le';
  if (evenZeros > 0.4 * pairs && oddZeros < 0.05 * pairs) return 'utf-16be';
  return null;
}

function isValidUtf8Start(bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function decideEncoding(head: Uint8Array, fileName: string): EncodingDecision {
  assertNoBinarySignature(head, fileName);
  if (isUtf32Bom(head)) {
    throw new ImportError('unreadable_encoding', `${quoted(fileName)} is UTF-32 encoded; save it as UTF-8 or UTF-16 and import it again.`, fileName);
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const utf16 = sniffBomlessUtf16(head);
  if (utf16) return { encoding: utf16, bom: false };
  return { encoding: isValidUtf8Start(head) ? 'utf-8' : 'cp1252', bom: false };
}

/** Trailing bytes of an incomplete UTF-8 sequence that a streaming decoder holds back. */
function incompleteUtf8Tail(bytes: Uint8Array): Uint8Array {
  let i = bytes.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (bytes[i] & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0 || bytes[i] < 0xc0) return bytes.subarray(bytes.length); // ASCII or complete
  const lead = bytes[i];
  const needed = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  return continuation < needed ? bytes.subarray(i) : bytes.subarray(bytes.length);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The decoder's instance type, spelled so that it compiles with the Node and the DOM typings alike. */
type Decoder = InstanceType<typeof TextDecoder>;
const REPLACEMENT = /\ufffd/g;

/**
 * Decodes a file fed in chunks. The encoding is decided from the first 4 KB; should a later chunk
 * turn out not to be UTF-8 after all, an all-ASCII prefix lets it switch to Windows-1252 without
 * loss, otherwise invalid sequences become U+FFFD and a warning counts them.
 */
export class StreamingTextDecoder {
  readonly warnings: ImportWarning[] = [];
  private decision: EncodingDecision | null = null;
  private decoder: Decoder | null = null;
  private head: Uint8Array = new Uint8Array(0);
  private previousChunk: Uint8Array = new Uint8Array(0);
  private sawNonAscii = false;
  private strictUtf8 = false;
  private replaced = 0;
  private finished = false;
  private bytesSeen = 0;

  constructor(private readonly fileName: string) {}

  get encoding(): TextEncodingName | null {
    return this.decision?.encoding ?? null;
  }

  /** Everything so far was valid UTF-8, decoded as such (no fallback, no replacement). */
  get cleanUtf8(): boolean {
    return this.decision?.encoding === 'utf-8' && this.strictUtf8 && this.replaced === 0;
  }

  get bom(): boolean {
    return this.decision?.bom ?? false;
  }

  push(chunk: Uint8Array): string {
    if (this.finished) throw new Error('StreamingTextDecoder: push after end');
    this.bytesSeen += chunk.length;
    if (this.decision) return this.decodeChunk(chunk, false);
    this.head = concatBytes(this.head, chunk);
    if (this.head.length < DECISION_BYTES) return '';
    return this.decideAndDecodeHead(false);
  }

  end(): string {
    if (this.finished) return '';
    this.finished = true;
    if (this.bytesSeen === 0) throw new ImportError('empty_file', `${quoted(this.fileName)} is empty (0 bytes).`, this.fileName);
    const rest = this.decision ? this.decodeChunk(new Uint8Array(0), true) : this.decideAndDecodeHead(true);
    if (this.replaced > 0) {
      this.warnings.push({
        code: 'invalid_utf8',
        file: this.fileName,
        count: this.replaced,
        message: `${quoted(this.fileName)} has ${this.replaced} byte sequence(s) that are not valid UTF-8; they were replaced by "\ufffd".`,
      });
    }
    return rest;
  }

  private decideAndDecodeHead(final: boolean): string {
    this.decision = decideEncoding(this.head, this.fileName);
    const { encoding } = this.decision;
    this.strictUtf8 = encoding === 'utf-8';
    this.decoder = new TextDecoder(encoding, { fatal: this.strictUtf8 });
    const head = this.head;
    this.head = new Uint8Array(0);
    const text = this.decodeChunk(head, final, this.decision.bom && encoding === 'utf-8' ? 3 : 0);
    assertTextIsNotBinary(text, this.fileName);
    return text;
  }

  private decodeChunk(chunk: Uint8Array, final: boolean, bomBytes = 0): string {
    const decoder = this.decoder as Decoder;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: !final });
    } catch {
      text = this.recoverFromInvalidUtf8(chunk, final);
    }
    // In UTF-8 every non-ASCII character takes more bytes than UTF-16 units (and a character cut
    // at the chunk's end holds bytes back), so the first one makes the lengths differ: no scan needed.
    if (this.strictUtf8 && !this.sawNonAscii && text.length !== chunk.length - bomBytes) this.sawNonAscii = true;
    this.previousChunk = chunk;
    if (text.indexOf('\u0000') !== -1) assertTextIsNotBinary(text, this.fileName);
    return text;
  }

  /** A strict UTF-8 decoder failed mid-file: re-decode this chunk (and the bytes it held back). */
  private recoverFromInvalidUtf8(chunk: Uint8Array, final: boolean): string {
    const bytes = concatBytes(incompleteUtf8Tail(this.previousChunk), chunk);
    this.strictUtf8 = false;
    if (!this.sawNonAscii) {
      // Everything so far was ASCII, which Windows-1252 decodes identically.
      this.decision = { encoding: 'cp1252', bom: false };
      this.decoder = new TextDecoder('cp1252');
      return this.decoder.decode(bytes, { stream: !final });
    }
    this.decoder = new TextDecoder('utf-8');
    const text = this.decoder.decode(bytes, { stream: !final });
    this.replaced += text.match(REPLACEMENT)?.length ?? 0;
    return text;
  }
}

/** Decodes a whole file at once: the encoding is decided on all of its bytes. */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) throw new ImportError('empty_file', `${quoted(fileName)} is empty (0 bytes).`, fileName);
  const head = bytes.subarray(0, DECISION_BYTES);
  let decision = decideEncoding(head, fileName);
  if (decision.encoding === 'utf-8' && !decision.bom) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      assertTextIsNotBinary(text, fileName);
      return { text, encoding: 'utf-8', bom: false, warnings: [] };
    } catch (error) {
      if (error instanceof ImportError) throw error;
      decision = { encoding: 'cp1252', bom: false };
    }
  }
  const warnings: ImportWarning[] = [];
  const text = new TextDecoder(decision.encoding).decode(bytes);
  if (decision.encoding === 'utf-8') {
    const replaced = text.match(REPLACEMENT)?.length ?? 0;
    if (replaced > 0) {
      warnings.push({
        code: 'invalid_utf8',
        file: fileName,
        count: replaced,
        message: `${quoted(fileName)} has ${replaced} byte sequence(s) that are not valid UTF-8; they were replaced by "\ufffd".`,
      });
    }
  }
  assertTextIsNotBinary(text, fileName);
  return { text, encoding: decision.encoding, bom: decision.bom, warnings };
}
