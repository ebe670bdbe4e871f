// The helper thread of a split import: reads the second half of a delimited file (from a line
// start to the end), tokenizes it and converts its cells under the sheet's column plans, and posts
// the converted batches. It gives up ('fallback') on anything the import worker's own reader could
// treat differently: a quote (a quoted cell may span lines), invalid UTF-8, a NUL byte.

import fs from 'node:fs';
import { type ConvertedBatch, DelimitedParser, ImportError, PlainRecordConverter, RowConverter, columnPlans } from '../../shared/import';
import { readLineChunk } from './delimitedStream';
import { CancelFlag, type HalfMessage, type HalfRequest } from './workerProtocol';

const QUOTE = 0x22;
const LF = 0x0a;

function converterFor(request: HalfRequest): RowConverter {
  const { mapping, headers, fileName } = request;
  const id = mapping.columns.find((c) => c.role === 'accountId');
  return new RowConverter(columnPlans(mapping, headers, fileName), id ? headers.indexOf(id.header) : -1, headers.length);
}

/** Transfers each batch's numbers (no copy). */
export function runHalfRead(request: HalfRequest & { cancel: SharedArrayBuffer }, post: (message: HalfMessage, transfer?: ArrayBuffer[]) => void): void {
  const cancel = new CancelFlag(request.cancel);
  const { delimiter, newline, headers } = request;
  const plain = new PlainRecordConverter(converterFor(request), delimiter, newline);
  const parser = new DelimitedParser({ fileName: request.fileName, continuation: { headers, delimiter, newline } });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const send = (batch: ConvertedBatch, bytes: number) => {
    if (batch.ids.length > 0) post({ type: 'batch', batch, bytes }, [batch.numbers.buffer as ArrayBuffer]);
  };
  const fd = fs.openSync(request.path, 'r');
  try {
    let position = request.start;
    // Chunks end at line feeds (unless a line is longer than a chunk): after one that does, the
    // decoder holds nothing back, and the next chunk's text is its own bytes decoded.
    let afterLf = true;
    for (let bytes = readLineChunk(fd, position, request.end); bytes.length > 0; bytes = readLineChunk(fd, position, request.end)) {
      if (cancel.requested) return;
      position += bytes.length;
      if (bytes.indexOf(QUOTE) !== -1) return post({ type: 'fallback', reason: 'a quote' });
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        return post({ type: 'fallback', reason: 'invalid UTF-8' });
      }
      if (text.indexOf('\u0000') !== -1) return post({ type: 'fallback', reason: 'a NUL character' });
      send(parser.pushConverted(text, afterLf ? bytes : null, plain), position - request.start);
      afterLf = bytes[bytes.length - 1] === LF;
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      return post({ type: 'fallback', reason: 'invalid UTF-8' });
    }
    if (rest.length > 0) send(plain.converter.convert(parser.push(rest)), position - request.start);
    send(plain.converter.convert(parser.end()), position - request.start);
    post({ type: 'end', stats: parser.continuationStats });
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    post({ type: 'error', error: { code: err.code, message: err.message, fileName: err.fileName ?? null } });
  } finally {
    fs.closeSync(fd);
  }
}
