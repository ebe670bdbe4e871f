// Binary encoding of api values for the HTTP transport. Typed arrays are carried as raw bytes after
// a JSON header (IPC gets the same effect from structured clone), so a million-row column is one
// memcpy, not a million JSON numbers.
//
// Layout: [u32 LE header byte length][UTF-8 JSON header][zero padding to 8][typed array bytes…]

type TypedArrayName = 'Float64Array' | 'Float32Array' | 'Int32Array' | 'Uint32Array' | 'Uint16Array' | 'Uint8Array' | 'Int8Array' | 'Int16Array';
type AnyTypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array | Uint8Array | Int8Array | Int16Array;

const CONSTRUCTORS: Record<TypedArrayName, { new (buffer: ArrayBuffer, offset: number, length: number): AnyTypedArray; BYTES_PER_ELEMENT: number }> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Uint16Array,
  Uint8Array,
  Int8Array,
  Int16Array,
};

interface TypedRef {
  $typed: TypedArrayName;
  offset: number;
  length: number;
}

function typedName(value: unknown): TypedArrayName | null {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null;
  const name = value.constructor.name as TypedArrayName;
  return name in CONSTRUCTORS ? name : null;
}

const align8 = (n: number) => (n + 7) & ~7;

export function encodeWire(value: unknown): Uint8Array<ArrayBuffer> {
  const blobs: AnyTypedArray[] = [];
  let blobBytes = 0;
  const header = JSON.stringify(value, (_key, v: unknown) => {
    const name = typedName(v);
    if (!name) return v;
    const array = v as AnyTypedArray;
    const ref: TypedRef = { $typed: name, offset: blobBytes, length: array.length };
    blobs.push(array);
    blobBytes = align8(blobBytes + array.byteLength);
    return ref;
  });
  const headerBytes = new TextEncoder().encode(header ?? 'null');
  const dataStart = align8(4 + headerBytes.length);
  const out = new Uint8Array(dataStart + blobBytes);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 4);
  let offset = dataStart;
  for (const blob of blobs) {
    out.set(new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength), offset);
    offset = align8(offset + blob.byteLength);
  }
  return out;
}

export function decodeWire(bytes: Uint8Array): unknown {
  if (bytes.byteLength < 4) throw new Error('wire message is shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > bytes.byteLength) throw new Error('wire header length exceeds the message');
  const header = new TextDecoder().decode(bytes.subarray(4, 4 + headerLength));
  const dataStart = align8(4 + headerLength);
  return JSON.parse(header, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || !('$typed' in v)) return v;
    const ref = v as TypedRef;
    const ctor = CONSTRUCTORS[ref.$typed];
    if (!ctor) throw new Error(`unknown typed array ${String(ref.$typed)}`);
    const byteLength = ref.length * ctor.BYTES_PER_ELEMENT;
    const start = dataStart + ref.offset;
    if (start + byteLength > bytes.byteLength) throw new Error('typed array runs past the end of the message');
    // Copy into a fresh, aligned buffer: the message's own offset may not be a multiple of 8.
    const copy = new ArrayBuffer(byteLength);
    new Uint8Array(copy).set(bytes.subarray(start, start + byteLength));
    return new ctor(copy, 0, ref.length);
  });
}
